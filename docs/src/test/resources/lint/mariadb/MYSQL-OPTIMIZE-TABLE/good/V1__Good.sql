ANALYZE TABLE payments;
