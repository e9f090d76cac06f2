ALTER TABLE orders ADD COLUMN total INT DEFAULT 0;
CREATE INDEX orders_customer_idx ON orders (customer);
