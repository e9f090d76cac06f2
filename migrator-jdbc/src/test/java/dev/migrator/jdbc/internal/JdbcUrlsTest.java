package dev.migrator.jdbc.internal;

import dev.migrator.jdbc.DriverManagerDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JdbcUrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the password is taken out by parsing, never by replacing its value: idle_db and idle_r stay
            "jdbc:postgresql://127.0.0.1:5432/idle_db?user=idle_r&password=idle|jdbc:postgresql://127.0.0.1:5432/idle_db?user=idle_r",
            "jdbc:postgresql://db/app?password=s3,c;r)et&ssl=true|jdbc:postgresql://db/app?ssl=true",
            "jdbc:postgresql://db/app?sslpassword=s3cret|jdbc:postgresql://db/app",
            "jdbc:mysql://app:s3cret@db:3306/app?permitMysqlScheme|jdbc:mysql://app@db:3306/app",
            "jdbc:mariadb://db/app?user=app&permitMysqlScheme&useSsl=true|jdbc:mariadb://db/app?user=app&useSsl=true",
            "jdbc:sqlserver://db:1433;user=app;password={s3;cret};encrypt=true|jdbc:sqlserver://db:1433;user=app;encrypt=true",
            "jdbc:h2:./data/app;MODE=PostgreSQL;PASSWORD=s3cret|jdbc:h2:./data/app;MODE=PostgreSQL",
            "jdbc:oracle:thin:app/s3cret@db:1521/XE|jdbc:oracle:thin:app@db:1521/XE",
            "mongodb://app:s3cret@db:27017/app?authSource=admin|mongodb://app@db:27017/app?authSource=admin",
            "jdbc:postgresql://db:5432/app|jdbc:postgresql://db:5432/app"})
    void describe_dropsThePasswordAndDriverOnlySwitches(String url, String shown) {
        assertThat(JdbcUrls.describe(url)).isEqualTo(shown);
    }

    @Test
    void passwords_areFoundForScrubbing() {
        assertThat(JdbcUrls.passwords("jdbc:mysql://app:s3cret@db/app?sslpassword=other1")).contains("s3cret",
                "other1");
        assertThat(JdbcUrls.passwords("jdbc:oracle:thin:app/s3cret@db:1521/XE")).contains("s3cret");
    }

    @Test
    void aConnectFailure_neverCarriesThePasswordOfTheUrl_inItsMessageOrCauses() {
        // No driver takes this URL; DriverManager names the URL in its message, user-info password included.
        String url = "jdbc:nosuchdriver://app:Sent1nel!pw@db/app";
        SQLException e = catchThrowableOfType(() -> new DriverManagerDataSource(url, "app", "Sent1nel!pw")
                .getConnection(), SQLException.class);
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        assertThat(all.toString()).doesNotContain("Sent1nel!pw");
    }
}
