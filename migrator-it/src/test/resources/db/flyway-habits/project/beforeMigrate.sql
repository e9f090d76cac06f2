-- Flyway runs this before every migrate, pending migrations or not.
CREATE TABLE IF NOT EXISTS callback_log (n INT NOT NULL, event VARCHAR(40) NOT NULL, detail VARCHAR(200));
INSERT INTO callback_log (n, event, detail) SELECT COUNT(*) + 1, 'beforeMigrate', '${flyway:table}' FROM callback_log;
