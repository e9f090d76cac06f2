REINDEX INDEX payments_pkey;
