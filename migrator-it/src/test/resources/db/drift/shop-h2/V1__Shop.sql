CREATE TABLE customers (
    id INT NOT NULL PRIMARY KEY,
    email VARCHAR(200) NOT NULL,
    status VARCHAR(20) DEFAULT 'new' NOT NULL,
    score DECIMAL(10, 2) DEFAULT 0,
    UNIQUE (email),
    CHECK (score >= 0)
);
CREATE TABLE orders (
    id INT NOT NULL,
    line_no INT NOT NULL,
    customer_id INT NOT NULL,
    placed_on DATE,
    note VARCHAR(500),
    PRIMARY KEY (id, line_no),
    CONSTRAINT orders_line_positive CHECK (line_no > 0),
    FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
);
CREATE INDEX orders_customer_idx ON orders (customer_id, placed_on DESC);
CREATE UNIQUE INDEX orders_note_uq ON orders (note);
CREATE VIEW recent_orders AS SELECT id, customer_id FROM orders WHERE placed_on > DATE '2024-01-01';
CREATE SEQUENCE invoice_numbers START WITH 1000 INCREMENT BY 10;
