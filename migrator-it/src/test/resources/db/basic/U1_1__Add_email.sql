DROP INDEX users_email_idx${dropIndexOn};
ALTER TABLE users DROP COLUMN email;
