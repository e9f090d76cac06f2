CREATE TABLE deployed (schema_name VARCHAR(100), database_name VARCHAR(100), history VARCHAR(100), script VARCHAR(100));
INSERT INTO deployed VALUES ('${flyway:defaultSchema}', '${flyway:database}', '${flyway:table}', '${flyway:filename}');
