package dev.migrator.jdbc.internal;

/** H2 (the embedded default): transactional DDL, no session lock, so a lease row. */
public final class H2Dialect extends JdbcDialect {
    @Override
    public String name() {
        return "h2";
    }

    @Override
    public boolean handles(String productName) {
        return productName.equals("H2");
    }

    @Override
    public SqlSyntax syntax() {
        return SqlSyntax.H2;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }
}
