CREATE TABLE step_1 (id INT);
