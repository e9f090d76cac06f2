UPDATE payments SET currency = 'EUR' WHERE currency IS NULL AND id <= 10000;
