ALTER TABLE payments ADD COLUMN currency CHAR(3) NULL;
UPDATE payments SET currency = 'EUR' WHERE currency IS NULL;
