-- migrator:transaction=false
-- Each statement commits on its own, so the backfill never holds one long transaction over the whole table.
UPDATE payments SET currency = 'EUR' WHERE currency IS NULL AND id <= 100000;
UPDATE payments SET currency = 'EUR' WHERE currency IS NULL AND id > 100000;
