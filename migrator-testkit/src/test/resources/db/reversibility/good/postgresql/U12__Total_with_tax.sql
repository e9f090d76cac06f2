DROP FUNCTION total_with_tax(NUMERIC);
