package db.basic;

/** A helper beside the migrations: not named like one, so discovery leaves it alone. */
final class Emails {
    private Emails() {
    }

    static String domain() {
        return "@example.com";
    }
}
