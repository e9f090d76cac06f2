INSERT INTO callback_log (n, event, detail) SELECT COUNT(*) + 1, 'beforeEachMigrate', '${flyway:filename}' FROM callback_log;
