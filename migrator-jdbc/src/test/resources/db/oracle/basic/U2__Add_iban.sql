DROP INDEX accounts_iban;
ALTER TABLE accounts DROP COLUMN iban;
