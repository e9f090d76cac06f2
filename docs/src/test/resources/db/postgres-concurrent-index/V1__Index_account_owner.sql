-- Needs no directive: PostgreSQL cannot build an index concurrently inside a transaction, and migrator knows it.
CREATE INDEX CONCURRENTLY accounts_owner_idx ON accounts (owner);
