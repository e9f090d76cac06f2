INSERT INTO callback_log (n, event, detail) SELECT COUNT(*) + 1, 'afterEachMigrate', NULL FROM callback_log;
