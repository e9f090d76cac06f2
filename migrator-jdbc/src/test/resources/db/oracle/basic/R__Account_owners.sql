-- Ended by a slash line, as SQL*Plus also accepts for plain SQL.
CREATE OR REPLACE VIEW account_owners AS SELECT id, owner FROM accounts
/
