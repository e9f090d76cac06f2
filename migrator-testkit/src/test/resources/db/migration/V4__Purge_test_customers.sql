-- Irreversible on purpose: deleted rows cannot be brought back.
DELETE FROM customers WHERE name LIKE 'test-%';
