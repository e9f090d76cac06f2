CREATE TYPE order_status AS ENUM ('new', 'paid');
CREATE TABLE orders (
    id INT NOT NULL PRIMARY KEY,
    status order_status NOT NULL DEFAULT 'new'
);
