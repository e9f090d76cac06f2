UPDATE payments SET amount_cents = amount * 100 WHERE amount_cents IS NULL AND id BETWEEN 10001 AND 20000;
