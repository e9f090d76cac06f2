CREATE TABLE refunds (
    id INT NOT NULL PRIMARY KEY,
    order_id INT NOT NULL
);
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);
