-- The EHR schema: enums, tables, and functions whose bodies hold DML that must not be linted as statements.
CREATE TYPE contribution_data_type AS ENUM ('composition', 'folder', 'ehr', 'system', 'other');
CREATE TYPE contribution_state AS ENUM ('complete', 'incomplete', 'deleted');

CREATE TABLE system (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  description VARCHAR(100) NOT NULL,
  settings VARCHAR(250) NOT NULL
);

CREATE TABLE ehr (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  date_created TIMESTAMP DEFAULT CURRENT_DATE,
  date_created_tzid VARCHAR(15),
  system_id UUID REFERENCES system (id),
  directory UUID NULL
);

CREATE TABLE contribution (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  ehr_id UUID REFERENCES ehr (id) ON DELETE CASCADE,
  contribution_type contribution_data_type,
  state contribution_state,
  signature TEXT
);

CREATE TABLE composition (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  ehr_id UUID REFERENCES ehr (id) ON DELETE CASCADE,
  in_contribution UUID REFERENCES contribution (id) ON DELETE CASCADE,
  active BOOLEAN DEFAULT true,
  sys_transaction TIMESTAMP NOT NULL
);
CREATE INDEX composition_ehr_idx ON composition (ehr_id);

CREATE OR REPLACE FUNCTION delete_orphan_history() RETURNS BOOLEAN AS $$
BEGIN
  DELETE FROM composition;
  UPDATE ehr SET directory = NULL;
  LOCK TABLE ehr IN ACCESS EXCLUSIVE MODE;
  RETURN TRUE;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION tr_contribution_state() RETURNS TRIGGER AS $body$
BEGIN
  IF NEW.state = 'deleted' THEN
    UPDATE composition SET active = false WHERE in_contribution = NEW.id;
  END IF;
  RETURN NEW;
END;
$body$ LANGUAGE plpgsql;

CREATE TRIGGER contribution_state_trigger AFTER UPDATE ON contribution FOR EACH ROW EXECUTE PROCEDURE tr_contribution_state();
INSERT INTO system (description, settings) VALUES ('default', 'local.ehrbase.org');
