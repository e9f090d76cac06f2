CREATE TABLE accounts (id BIGINT PRIMARY KEY, owner VARCHAR(100), email VARCHAR(100), status VARCHAR(20));
CREATE TABLE payments (id BIGINT PRIMARY KEY, account_id BIGINT, amount DECIMAL(12, 2), note VARCHAR(40));
CREATE TABLE audit_log (id BIGINT PRIMARY KEY, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, entry VARCHAR(100));
INSERT INTO accounts (id, owner, email) WITH RECURSIVE g (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 100) SELECT n, CONCAT('owner ', n), CONCAT('a', n, '@example.com') FROM g;
INSERT INTO payments (id, account_id, amount) SELECT seq, 1 + seq % 100, seq FROM seq_1_to_20000;
INSERT INTO audit_log (id, entry) SELECT seq, 'entry' FROM seq_1_to_200;
ANALYZE TABLE accounts, payments, audit_log;
