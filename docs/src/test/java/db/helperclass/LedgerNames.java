package db.helperclass;

/** Fixture: a helper class, not a migration, in a migration package. Discovery should pass it over. */
final class LedgerNames {
    private LedgerNames() {
    }

    static String table() {
        return "ledger";
    }
}
