-- liquibase formatted sql

-- changeset bob:create-orders
CREATE TABLE orders (
  id INT PRIMARY KEY,
  user_id INT NOT NULL
);
-- rollback DROP TABLE orders;
