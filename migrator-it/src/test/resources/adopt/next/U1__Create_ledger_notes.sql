DROP TABLE ledger_notes;
