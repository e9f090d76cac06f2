CREATE TABLE orders (
    id INT NOT NULL PRIMARY KEY,
    customer_id INT NOT NULL,
    order_number VARCHAR(20) NOT NULL,
    total DECIMAL(10, 2) DEFAULT 0 NOT NULL,
    CONSTRAINT orders_number_uq UNIQUE (order_number),
    CONSTRAINT orders_total_not_negative CHECK (total >= 0)
);
