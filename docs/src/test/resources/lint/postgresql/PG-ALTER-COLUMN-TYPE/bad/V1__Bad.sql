ALTER TABLE payments ALTER COLUMN amount TYPE bigint;
