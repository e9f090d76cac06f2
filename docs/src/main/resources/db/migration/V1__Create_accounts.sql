CREATE TABLE accounts (
    id      BIGINT PRIMARY KEY,
    owner   VARCHAR(100) NOT NULL,
    balance DECIMAL(12, 2) DEFAULT 0 NOT NULL
);
INSERT INTO accounts (id, owner, balance) VALUES (1, 'Ada Lovelace', 120.00);
INSERT INTO accounts (id, owner, balance) VALUES (2, 'Grace Hopper', 75.50);
