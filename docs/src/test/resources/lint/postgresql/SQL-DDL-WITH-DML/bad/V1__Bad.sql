ALTER TABLE payments ADD COLUMN currency char(3);
UPDATE payments SET currency = 'EUR' WHERE currency IS NULL;
