ALTER TABLE courier_messages ALTER COLUMN status TYPE TEXT;
UPDATE courier_messages SET status = 'sent' WHERE status = 'sent ';
