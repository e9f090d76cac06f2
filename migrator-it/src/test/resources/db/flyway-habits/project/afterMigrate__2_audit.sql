INSERT INTO callback_log (n, event, detail) SELECT COUNT(*) + 1, 'afterMigrate__2_audit', NULL FROM callback_log;
