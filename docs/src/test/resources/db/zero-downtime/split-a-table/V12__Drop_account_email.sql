-- Contract, once the release that reads account_emails only runs everywhere.
-- migrator:allow PG-DROP-COLUMN the running release reads account_emails only
ALTER TABLE accounts DROP COLUMN email;
