-- migrator:allow MYSQL-DROP-COLUMN release 4.2, live everywhere, no longer reads accounts.status
ALTER TABLE accounts DROP COLUMN status;
