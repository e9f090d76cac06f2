package db.migration;

import dev.migrator.jdbc.JdbcContext;
import dev.migrator.jdbc.JdbcMigration;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

/**
 * The demo's Java migration: gives every account an IBAN. The check digits need arithmetic on a 24-digit number,
 * which is awkward in portable SQL and easy in Java; that is when a Java migration earns its place.
 *
 * <p>Found by scanning {@code classpath:db/migration}: the class name gives version 3 and the description
 * "Backfill ibans".
 */
// tag::java-migration[]
public class V3__Backfill_ibans implements JdbcMigration {
    private static final String BANK_CODE = "37040044";

    @Override
    public void up(JdbcContext context) throws Exception {
        Connection connection = context.connection();
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT id FROM accounts WHERE iban IS NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE accounts SET iban = ? WHERE id = ?");
             ResultSet accounts = select.executeQuery()) {
            while (accounts.next()) {
                long id = accounts.getLong(1);
                update.setString(1, germanIban(BANK_CODE, id));
                update.setLong(2, id);
                update.executeUpdate();
            }
        }
    }

    @Override
    public void down(JdbcContext context) throws Exception {
        try (PreparedStatement clear = context.connection().prepareStatement("UPDATE accounts SET iban = NULL")) {
            clear.executeUpdate();
        }
    }

    /** DE, two check digits (ISO 13616: 98 minus the remainder by 97), the bank code, the 10-digit account number. */
    static String germanIban(String bankCode, long accountNumber) {
        String bban = bankCode + String.format(Locale.ROOT, "%010d", accountNumber);
        // "DE00" moved to the end, letters as numbers (D = 13, E = 14).
        int remainder = new BigInteger(bban + "131400").mod(BigInteger.valueOf(97)).intValue();
        return String.format(Locale.ROOT, "DE%02d%s", 98 - remainder, bban);
    }
}
// end::java-migration[]
