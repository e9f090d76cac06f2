INSERT INTO ${table} (id, tenant) VALUES (1, '${tenant}');
