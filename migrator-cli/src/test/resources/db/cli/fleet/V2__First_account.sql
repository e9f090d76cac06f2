-- Slow enough that a run can be killed halfway through the fleet.
SELECT pg_sleep(${pause});
INSERT INTO accounts (id, tenant) VALUES (1, '${tenant}');
