UPDATE accounts SET status = 'active' WHERE status IS NULL;
