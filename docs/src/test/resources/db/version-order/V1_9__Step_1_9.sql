CREATE TABLE step_1_9 (id INT);
