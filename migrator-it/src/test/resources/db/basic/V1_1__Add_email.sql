ALTER TABLE users ADD COLUMN email VARCHAR(200);
CREATE INDEX users_email_idx ON users (email);
