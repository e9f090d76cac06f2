UPDATE payments SET amount_cents = amount * 100 WHERE amount_cents IS NULL AND id BETWEEN 25001 AND 50000;
