CREATE TABLE accounts (
    id NUMBER(10) NOT NULL PRIMARY KEY,
    owner VARCHAR2(100 CHAR) NOT NULL,
    closed NUMBER(1) DEFAULT 0 NOT NULL
);

CREATE OR REPLACE PACKAGE account_api AS
  PROCEDURE close_account(p_id IN NUMBER);
END account_api;
/

CREATE OR REPLACE PACKAGE BODY account_api AS
  PROCEDURE close_account(p_id IN NUMBER) IS
  BEGIN
    UPDATE accounts SET closed = 1 WHERE id = p_id;
    IF SQL%ROWCOUNT = 0 THEN
      RAISE_APPLICATION_ERROR(-20001, 'no such account; nothing closed');
    END IF;
  END close_account;
END account_api;
/

CREATE OR REPLACE TRIGGER accounts_never_deleted
BEFORE DELETE ON accounts FOR EACH ROW
BEGIN
  RAISE_APPLICATION_ERROR(-20002, q'[accounts are closed, never deleted; use account_api.close_account]');
END;
/

INSERT INTO accounts (id, owner) VALUES (1, 'Ada');

BEGIN
  account_api.close_account(1);
END;
/
