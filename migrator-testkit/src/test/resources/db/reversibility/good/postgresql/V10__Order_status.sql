CREATE TYPE order_status AS ENUM ('new', 'paid');
ALTER TABLE orders ADD COLUMN status order_status NOT NULL DEFAULT 'new';
