-- Contract, once release N+1 (reads and writes holder only) runs everywhere.
-- migrator:allow PG-DROP-COLUMN release N+1 no longer reads or writes accounts.owner
ALTER TABLE accounts DROP COLUMN owner;
