-- CREATE VIEW must be alone in its batch.
DROP VIEW IF EXISTS account_owners;
GO
CREATE VIEW account_owners AS SELECT id, owner FROM accounts;
GO
