CREATE ROLE ${report_role};
-- A built-in placeholder: the history table's name as configured. Quoted because H2 folds unquoted names to
-- upper case, while migrator creates the table with the lower-case name.
GRANT SELECT ON "${migrator:historyTable}" TO ${report_role};
