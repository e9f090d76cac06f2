-- A virtual generated column is added instantly.
ALTER TABLE payments ADD COLUMN amount_cents BIGINT AS (amount * 100) VIRTUAL;
