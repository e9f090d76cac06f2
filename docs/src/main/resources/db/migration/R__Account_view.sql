-- Re-applied whenever this file changes: edit the view here, never in a new versioned script.
CREATE OR REPLACE VIEW account_balances AS
SELECT id, owner, balance
FROM accounts;
