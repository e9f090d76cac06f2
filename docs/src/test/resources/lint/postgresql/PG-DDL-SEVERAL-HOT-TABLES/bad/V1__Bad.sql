ALTER TABLE accounts ADD COLUMN region text;
ALTER TABLE payments ADD COLUMN region text;
