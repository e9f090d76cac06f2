CREATE TABLE sessions (id UUID NOT NULL PRIMARY KEY, issued_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, expires_at timestamp NOT NULL, authenticated_at timestamp NOT NULL, identity_id UUID NOT NULL, created_at timestamp NOT NULL, updated_at timestamp NOT NULL);
CREATE INDEX sessions_identity_id_idx ON sessions (identity_id);
