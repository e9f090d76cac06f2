LOCK TABLES accounts WRITE;
UPDATE accounts SET status = 'active' WHERE status IS NULL;
UNLOCK TABLES;
