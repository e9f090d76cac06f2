INSERT INTO visits (id, page) VALUES (1, '/'), (2, '/accounts');
