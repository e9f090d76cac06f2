DELETE FROM orders WHERE id IN (1, 2);
