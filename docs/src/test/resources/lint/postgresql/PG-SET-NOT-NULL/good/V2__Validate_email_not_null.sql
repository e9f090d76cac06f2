ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_not_null;
