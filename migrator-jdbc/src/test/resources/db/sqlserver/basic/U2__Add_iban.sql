DROP INDEX accounts_iban ON accounts;
GO
ALTER TABLE accounts DROP COLUMN iban;
GO
