CREATE TABLE orders (
    id INT NOT NULL PRIMARY KEY,
    customer_id INT NOT NULL,
    total DECIMAL(10, 2) DEFAULT 0 NOT NULL
);
