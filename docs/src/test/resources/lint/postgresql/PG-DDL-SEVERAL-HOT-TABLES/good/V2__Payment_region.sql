ALTER TABLE payments ADD COLUMN region text;
