CREATE TABLE payments (
    id       BIGINT PRIMARY KEY,
    amount   DECIMAL(12, 2) NOT NULL,
    currency CHAR(3)
);
INSERT INTO payments (id, amount) VALUES (1, 10.00), (2, 20.00), (150001, 30.00);
