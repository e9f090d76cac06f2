-- Puts the column back but forgets to copy the emails back from contacts.
ALTER TABLE customers ADD COLUMN email VARCHAR(200);
DROP TABLE contacts;
