INSERT INTO account_emails (account_id, email)
SELECT id, email FROM accounts WHERE email IS NOT NULL AND id <= 10000
ON CONFLICT (account_id) DO NOTHING;
