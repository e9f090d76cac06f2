LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE;
UPDATE accounts SET status = 'active' WHERE status IS NULL;
