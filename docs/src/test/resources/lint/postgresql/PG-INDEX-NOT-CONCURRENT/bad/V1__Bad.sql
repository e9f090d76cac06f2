CREATE INDEX payments_account_idx ON payments (account_id);
