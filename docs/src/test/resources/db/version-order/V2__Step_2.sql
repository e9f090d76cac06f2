CREATE TABLE step_2 (id INT);
