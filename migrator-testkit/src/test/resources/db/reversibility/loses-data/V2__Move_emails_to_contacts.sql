CREATE TABLE contacts (
    customer_id INT NOT NULL PRIMARY KEY,
    email VARCHAR(200) NOT NULL
);
INSERT INTO contacts (customer_id, email) SELECT id, email FROM customers WHERE email IS NOT NULL;
ALTER TABLE customers DROP COLUMN email;
