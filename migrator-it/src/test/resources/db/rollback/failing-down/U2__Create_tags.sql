DROP TABLE labels;
DROP TABLE no_such_table;
