CREATE TABLE orders (
    id BIGINT PRIMARY KEY,
    customer_id BIGINT NOT NULL REFERENCES customers (id),
    total NUMERIC(10, 2) NOT NULL DEFAULT 0
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
