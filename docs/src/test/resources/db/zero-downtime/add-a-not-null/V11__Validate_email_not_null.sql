-- Scans the table, but lets reads and writes go on (SHARE UPDATE EXCLUSIVE lock).
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_not_null;
