DROP INDEX orders_customer_idx${onOrders};
ALTER TABLE orders DROP COLUMN total;
