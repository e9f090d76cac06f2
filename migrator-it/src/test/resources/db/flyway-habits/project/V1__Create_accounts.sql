CREATE TABLE accounts (
    id         INT PRIMARY KEY,
    owner      VARCHAR(100) NOT NULL,
    created_by VARCHAR(100) NOT NULL
);
INSERT INTO accounts (id, owner, created_by) VALUES (1, 'Ada Lovelace', '${flyway:user}');
