-- A column added in one batch can only be used from the next one.
ALTER TABLE accounts ADD iban NVARCHAR(34) NULL;
GO
CREATE INDEX accounts_iban ON accounts (iban);
GO
