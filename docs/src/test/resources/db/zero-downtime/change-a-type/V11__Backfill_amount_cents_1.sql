UPDATE payments SET amount_cents = amount * 100 WHERE amount_cents IS NULL AND id BETWEEN 1 AND 10000;
