ALTER TABLE payments ADD COLUMN amount_cents BIGINT AS (amount * 100) STORED;
