-- Undo in the reverse order of V2: the index first, then the column it covers.
DROP INDEX IF EXISTS customers_segment_idx;
ALTER TABLE customers DROP COLUMN IF EXISTS segment;
