-- Not idempotent on purpose: if two instances both ran it, the count would say 2.
UPDATE visits SET count = count + 1 WHERE page = '/';
