CREATE TABLE accounts (id bigint PRIMARY KEY, owner text, email varchar(100), status text, created_at timestamptz DEFAULT now());
CREATE TABLE payments (id bigint PRIMARY KEY, account_id bigint, amount numeric(12, 2), note varchar(40));
CREATE TABLE audit_log (id bigint PRIMARY KEY, created_at timestamptz DEFAULT now(), entry text);
INSERT INTO accounts (id, owner, email) SELECT g, 'owner ' || g, 'a' || g || '@example.com' FROM generate_series(1, 100) g;
INSERT INTO payments (id, account_id, amount) SELECT g, 1 + g % 100, g FROM generate_series(1, 20000) g;
INSERT INTO audit_log (id, entry) SELECT g, 'entry' FROM generate_series(1, 200) g;
ANALYZE accounts;
ANALYZE payments;
ANALYZE audit_log;
