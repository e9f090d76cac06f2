CREATE TABLE orders (
    id INT PRIMARY KEY,
    customer VARCHAR(100) NOT NULL
);
