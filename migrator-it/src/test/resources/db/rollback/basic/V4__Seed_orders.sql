INSERT INTO orders (id, customer, total) VALUES (1, 'Ada', 10);
INSERT INTO orders (id, customer, total) VALUES (2, 'Grace', 20);
