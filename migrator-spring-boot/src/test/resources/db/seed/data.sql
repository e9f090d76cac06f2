INSERT INTO customers (id, name) VALUES (1, 'Seeded by data.sql');
