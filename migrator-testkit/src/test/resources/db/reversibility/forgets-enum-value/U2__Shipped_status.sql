-- Believes that no order uses 'shipped' yet, so nothing needs undoing; the type keeps the value.
UPDATE orders SET status = 'paid' WHERE status::text = 'shipped';
