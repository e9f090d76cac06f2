CREATE TABLE from_the_jar (id INT PRIMARY KEY);
