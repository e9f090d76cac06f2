CREATE TABLE networks (id UUID NOT NULL PRIMARY KEY, created_at timestamp NOT NULL, updated_at timestamp NOT NULL);
ALTER TABLE identities ADD COLUMN nid UUID;
ALTER TABLE identities ADD CONSTRAINT identities_nid_fk_idx FOREIGN KEY (nid) REFERENCES networks (id) ON UPDATE RESTRICT ON DELETE CASCADE;
ALTER TABLE identity_credentials ADD COLUMN nid UUID;
