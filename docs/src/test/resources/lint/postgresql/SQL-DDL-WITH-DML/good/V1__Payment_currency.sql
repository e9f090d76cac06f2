ALTER TABLE payments ADD COLUMN currency char(3);
