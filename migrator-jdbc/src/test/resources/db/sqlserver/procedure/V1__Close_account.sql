CREATE TABLE accounts (
    id INT NOT NULL PRIMARY KEY,
    [owner name] NVARCHAR(100) NOT NULL,
    closed BIT DEFAULT 0 NOT NULL
);
GO
-- A procedure body holds semicolons; only GO ends the batch.
CREATE PROCEDURE dbo.close_account @id INT
AS
BEGIN
    SET NOCOUNT ON;
    UPDATE accounts SET closed = 1 WHERE id = @id;
    IF @@ROWCOUNT = 0
        THROW 50001, 'no such account; nothing closed', 1;
END
GO
INSERT INTO accounts (id, [owner name]) VALUES (1, N'Ada');
EXEC dbo.close_account @id = 1;
GO
