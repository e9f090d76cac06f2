-- Drops the default instead of putting back the 'new' that V1 set.
ALTER TABLE customers ALTER COLUMN status DROP DEFAULT;
