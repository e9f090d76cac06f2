-- Entries of compositions, added in a later release.
ALTER TYPE contribution_data_type ADD VALUE IF NOT EXISTS 'unknown';

CREATE TABLE entry (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  composition_id UUID REFERENCES composition (id) ON DELETE CASCADE,
  sequence INTEGER,
  item_type VARCHAR(20),
  entry JSONB,
  sys_transaction TIMESTAMP NOT NULL
);
CREATE INDEX entry_composition_id_idx ON entry (composition_id);
CREATE INDEX gin_entry_path_idx ON entry USING gin (entry jsonb_path_ops);
COMMENT ON TABLE entry IS 'the clinical content of a composition, one row per entry';

ALTER TABLE composition ADD COLUMN language VARCHAR(5);
ALTER TABLE composition ADD COLUMN territory INTEGER DEFAULT 0;

CREATE OR REPLACE FUNCTION js_composition(UUID) RETURNS JSON AS $$
DECLARE
  composition_uuid ALIAS FOR $1;
BEGIN
  DELETE FROM entry;
  RETURN (SELECT json_build_object('uid', composition_uuid));
END
$$ LANGUAGE plpgsql;

CREATE VIEW composition_summary AS SELECT c.id, c.ehr_id, e.item_type FROM composition c JOIN entry e ON e.composition_id = c.id;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'ehr_directory_idx') THEN
    CREATE INDEX ehr_directory_idx ON ehr (directory);
  END IF;
END
$$;
