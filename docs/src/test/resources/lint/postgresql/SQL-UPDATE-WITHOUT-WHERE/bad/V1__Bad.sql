UPDATE payments SET note = 'migrated';
