ALTER TABLE accounts ADD (iban VARCHAR2(34 CHAR));
CREATE INDEX accounts_iban ON accounts (iban);
