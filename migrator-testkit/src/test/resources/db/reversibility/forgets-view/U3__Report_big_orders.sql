-- Forgets the view that V3 created.
DROP INDEX orders_total_idx${onOrders};
