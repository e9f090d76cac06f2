CREATE TABLE ledger_notes (
    id   INT PRIMARY KEY,
    note VARCHAR(100) NOT NULL
);
