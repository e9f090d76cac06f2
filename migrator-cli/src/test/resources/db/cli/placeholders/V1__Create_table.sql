CREATE TABLE ${tableName} (id INT PRIMARY KEY, region VARCHAR(20) DEFAULT '${region}');
