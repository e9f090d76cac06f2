-- The accounts of the core banking system.
CREATE TABLE accounts (
    id NUMBER(10) NOT NULL PRIMARY KEY,
    owner VARCHAR2(100 CHAR) NOT NULL,
    balance NUMBER(19, 2) DEFAULT 0 NOT NULL
);
INSERT INTO accounts (id, owner) VALUES (1, 'Ada');
INSERT INTO accounts (id, owner) VALUES (2, 'Grace');
