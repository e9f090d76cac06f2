-- Forgets the index that V3 created.
ALTER TABLE orders DROP COLUMN shipped_on;
