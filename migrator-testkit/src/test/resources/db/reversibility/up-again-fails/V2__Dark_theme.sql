INSERT INTO settings (name, setting_value) VALUES ('theme', 'dark');
