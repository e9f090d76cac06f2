ALTER TABLE customers ADD COLUMN email VARCHAR(200);
UPDATE customers SET email = contacts.email FROM contacts WHERE contacts.customer_id = customers.id;
DROP TABLE contacts;
