ALTER TABLE customers ADD COLUMN email VARCHAR(200);

-- The typo ("customer") fails this statement.
UPDATE customer SET email = 'unknown@example.com';
