-- PostgreSQL cannot drop a value from an enum type: the type is made again without it.
ALTER TYPE order_status RENAME TO order_status_with_shipped;
CREATE TYPE order_status AS ENUM ('new', 'paid');
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::text::order_status;
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
DROP TYPE order_status_with_shipped;
