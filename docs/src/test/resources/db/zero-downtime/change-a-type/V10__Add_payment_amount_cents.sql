-- Expand: a column of the new type; the application writes both from now on.
ALTER TABLE payments ADD COLUMN amount_cents bigint;
