CREATE TABLE settings (
    name VARCHAR(50) NOT NULL PRIMARY KEY,
    setting_value VARCHAR(50) NOT NULL
);
