-- liquibase formatted sql

-- changeset alice:create-users
-- comment: the first table
CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL);
-- rollback DROP TABLE users;

-- changeset alice:add-name
ALTER TABLE users ADD name VARCHAR(100);
-- rollback ALTER TABLE users DROP COLUMN name;
