CREATE TABLE identity_credential_types (id UUID NOT NULL PRIMARY KEY, name VARCHAR(32) NOT NULL);
CREATE UNIQUE INDEX identity_credential_types_name_idx ON identity_credential_types (name);
INSERT INTO identity_credential_types (id, name) SELECT '78c1b41d-8341-4507-aa60-aff1d4369670', 'password' WHERE NOT EXISTS (SELECT * FROM identity_credential_types WHERE name = 'password');
ALTER TABLE identity_credential_types ADD CONSTRAINT identity_credential_types_name_check CHECK (name <> '');
