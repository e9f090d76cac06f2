-- Repeatable: re-created whenever this script changes; it runs with the last versioned migration.
CREATE OR REPLACE VIEW customer_totals AS SELECT customer_id, SUM(total) AS total FROM orders GROUP BY customer_id;
