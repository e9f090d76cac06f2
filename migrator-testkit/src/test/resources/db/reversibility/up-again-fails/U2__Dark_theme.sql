-- Changes the row back instead of deleting it: the schema is the same, but V2 cannot run again.
UPDATE settings SET setting_value = 'light' WHERE name = 'theme';
