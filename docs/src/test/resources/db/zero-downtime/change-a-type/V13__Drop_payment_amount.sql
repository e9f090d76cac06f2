-- Contract, once the release that reads amount_cents only runs everywhere.
-- migrator:allow PG-DROP-COLUMN the running release reads amount_cents only
ALTER TABLE payments DROP COLUMN amount;
