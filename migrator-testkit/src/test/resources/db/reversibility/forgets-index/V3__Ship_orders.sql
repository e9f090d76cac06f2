ALTER TABLE orders ADD COLUMN shipped_on DATE;
CREATE INDEX orders_customer_idx ON orders (customer_id);
