CREATE INDEX ehr_system_id_idx ON ehr (system_id);
