ALTER TABLE customers ADD COLUMN email VARCHAR(200);
UPDATE customers SET email = (SELECT c.email FROM contacts c WHERE c.customer_id = customers.id);
DROP TABLE contacts;
