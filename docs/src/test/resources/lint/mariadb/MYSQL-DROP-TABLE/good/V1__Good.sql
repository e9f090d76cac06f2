-- migrator:allow MYSQL-DROP-TABLE audit_log moved to the archive database in release 4.1
DROP TABLE audit_log;
