ALTER TABLE identities ADD COLUMN state VARCHAR(255) NOT NULL DEFAULT 'active';
ALTER TABLE identities ADD COLUMN state_changed_at timestamp NULL;
