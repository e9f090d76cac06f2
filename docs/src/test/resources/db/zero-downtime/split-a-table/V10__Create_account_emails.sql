-- Expand: the new table; the application writes both places from now on.
CREATE TABLE account_emails (account_id bigint PRIMARY KEY REFERENCES accounts (id), email varchar(100) NOT NULL);
