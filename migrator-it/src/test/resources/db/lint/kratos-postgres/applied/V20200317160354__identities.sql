CREATE TABLE identities (id UUID NOT NULL PRIMARY KEY, traits_schema_id VARCHAR(2048) NOT NULL, traits jsonb NOT NULL, created_at timestamp NOT NULL, updated_at timestamp NOT NULL);
CREATE TABLE identity_credentials (id UUID NOT NULL PRIMARY KEY, config jsonb NOT NULL, identity_id UUID NOT NULL, created_at timestamp NOT NULL, updated_at timestamp NOT NULL, FOREIGN KEY (identity_id) REFERENCES identities (id) ON DELETE cascade);
CREATE INDEX identity_credentials_identity_id_idx ON identity_credentials (identity_id);
