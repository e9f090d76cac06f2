INSERT INTO customers (id, name) VALUES (1, 'Ada');

INSERT INTO customers (id, nme) VALUES (2, 'Grace');
