CREATE OR REPLACE VIEW account_owners AS SELECT id, owner, '${env}' AS env FROM accounts;
