DROP INDEX users_email_idx${onUsers};
ALTER TABLE users DROP COLUMN email;
