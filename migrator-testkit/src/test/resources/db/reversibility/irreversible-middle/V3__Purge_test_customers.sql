DELETE FROM customers WHERE email LIKE '%@test.invalid';
