-- A nullable column, or one with a constant default, is a catalog change only (PostgreSQL 11+).
ALTER TABLE accounts ADD COLUMN tier text DEFAULT 'basic';
