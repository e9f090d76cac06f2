-- A constant default is stored once (PostgreSQL 11+); a volatile one is set for new rows only,
-- and existing rows are backfilled in batches by later migrations.
ALTER TABLE accounts ADD COLUMN public_id uuid;
ALTER TABLE accounts ALTER COLUMN public_id SET DEFAULT gen_random_uuid();
