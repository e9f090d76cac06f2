INSERT INTO items (id, tenant) VALUES (1, '${tenant}');
