-- The referencing column's index, built without blocking writes (this script runs outside a transaction).
CREATE INDEX CONCURRENTLY payments_account_idx ON payments (account_id);
