UPDATE payments SET note = 'migrated' WHERE id BETWEEN 1 AND 5000;
