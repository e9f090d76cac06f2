-- No undo on purpose: a rollback must stop before crossing it.
ALTER TABLE customers ADD COLUMN email VARCHAR(200);
