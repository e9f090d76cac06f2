-- The accounts of the core banking system, in T-SQL batches as sqlcmd runs them.
CREATE TABLE accounts (
    id INT NOT NULL PRIMARY KEY,
    owner NVARCHAR(100) NOT NULL,
    balance DECIMAL(19, 2) DEFAULT 0 NOT NULL
);
GO
INSERT INTO accounts (id, owner) VALUES (1, N'Ada');
INSERT INTO accounts (id, owner) VALUES (2, N'Grace');
GO
