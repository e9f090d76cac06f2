CREATE INDEX CONCURRENTLY IF NOT EXISTS identity_credentials_nid_idx ON identity_credentials (nid);
