-- A location with no versioned migration: nothing for the check to prove.
CREATE OR REPLACE VIEW answer AS SELECT 42 AS answer;
