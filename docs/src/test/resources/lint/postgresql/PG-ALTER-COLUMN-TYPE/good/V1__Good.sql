-- Widening a varchar (or making it text) changes no stored row.
ALTER TABLE payments ALTER COLUMN note TYPE varchar(200);
