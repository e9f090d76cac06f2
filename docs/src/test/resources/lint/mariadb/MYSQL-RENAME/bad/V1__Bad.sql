ALTER TABLE accounts RENAME COLUMN owner TO holder;
