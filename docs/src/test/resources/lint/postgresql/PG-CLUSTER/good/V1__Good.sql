-- migrator:allow PG-CLUSTER audit_log holds 200 rows; the lock lasts milliseconds
CLUSTER audit_log USING audit_log_pkey;
