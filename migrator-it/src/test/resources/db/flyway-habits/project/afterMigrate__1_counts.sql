INSERT INTO callback_log (n, event, detail) SELECT COUNT(*) + 1, 'afterMigrate__1_counts', '${env}' FROM callback_log;
