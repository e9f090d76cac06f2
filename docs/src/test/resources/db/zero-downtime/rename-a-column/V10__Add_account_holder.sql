-- Expand: release N writes both owner and holder, and still reads owner.
ALTER TABLE accounts ADD COLUMN holder text;
