ALTER TABLE payments ADD INDEX payments_account_idx (account_id);
