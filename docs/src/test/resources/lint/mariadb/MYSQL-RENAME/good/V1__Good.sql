-- Expand: the new name next to the old one (see the rename-a-column recipe).
ALTER TABLE accounts ADD COLUMN holder VARCHAR(100) NULL;
