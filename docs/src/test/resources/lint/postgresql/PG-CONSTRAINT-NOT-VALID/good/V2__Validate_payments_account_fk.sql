ALTER TABLE payments VALIDATE CONSTRAINT payments_account_fk;
