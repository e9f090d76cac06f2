-- liquibase formatted sql

-- changeset carol:add-total
ALTER TABLE orders ADD total INT;
-- rollback ALTER TABLE orders DROP COLUMN total;
