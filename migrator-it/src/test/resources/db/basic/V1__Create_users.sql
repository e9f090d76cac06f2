-- The users of the application.
CREATE TABLE users (
    id INT PRIMARY KEY,
    name VARCHAR(100) NOT NULL
);
INSERT INTO users (id, name) VALUES (1, 'Ada');
INSERT INTO users (id, name) VALUES (2, 'Grace');
