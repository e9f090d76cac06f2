CREATE INDEX orders_total_idx ON orders (total);
CREATE VIEW big_orders AS SELECT id, customer_id, total FROM orders WHERE total > 100;
