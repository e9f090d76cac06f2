-- Every attempt, oldest first. The name is quoted because H2 folds unquoted names to upper case;
-- PostgreSQL takes it either way; on MySQL and MariaDB write it without the quotes.
SELECT installed_rank, version, description, action, outcome, installed_by, installed_on, error
FROM "migrator_history"
ORDER BY installed_rank;
