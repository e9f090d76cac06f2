VACUUM FULL payments;
