-- Backfill the rows written before release N, in batches small enough to hold locks briefly.
UPDATE accounts SET holder = owner WHERE holder IS NULL AND id <= 10000;
