-- Forgets the foreign key that V3 added to orders.
DROP TABLE refunds;
