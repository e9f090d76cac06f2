CREATE TABLE customers (
    id INT NOT NULL PRIMARY KEY,
    email VARCHAR(200),
    status VARCHAR(20) DEFAULT 'new'
);
