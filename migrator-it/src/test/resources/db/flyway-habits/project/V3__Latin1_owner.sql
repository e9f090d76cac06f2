-- Saved as ISO-8859-1, as its .conf says.
INSERT INTO accounts (id, owner, created_by) VALUES (2, 'Zoë Brontë', 'latin1');
