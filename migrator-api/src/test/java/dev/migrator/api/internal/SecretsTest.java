package dev.migrator.api.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true|jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true",
            "jdbc:sqlserver://db;user=app;password=s3cret;encrypt=true|jdbc:sqlserver://db;user=app;password=****;encrypt=true",
            "jdbc:sqlserver://db;user=app;password={s3c;ret};encrypt=true|jdbc:sqlserver://db;user=app;password={****};encrypt=true",
            "mongodb://app:s3cret@db:27017/app|mongodb://app:****@db:27017/app",
            "jdbc:mysql://app:s3cret@db/app|jdbc:mysql://app:****@db/app",
            "jdbc:mysql://app:s3c@r;et@db/app|jdbc:mysql://app:****@db/app",
            "{\"createUser\": \"app\", \"pwd\": \"s3cret\"}|{\"createUser\": \"app\", \"pwd\": \"****\"}",
            "CREATE USER app WITH PASSWORD 's3cret'|CREATE USER app WITH PASSWORD '****'",
            "CREATE USER 'app'@'%' IDENTIFIED BY 's3''cret'|CREATE USER 'app'@'%' IDENTIFIED BY '****'",
            "pwd=abc def|pwd=**** def",
            // , ; ) inside a URL password are the password's
            "jdbc:postgresql://db/app?password=s3,cret&ssl=true|jdbc:postgresql://db/app?password=****&ssl=true",
            "jdbc:postgresql://db/app?password=s3;cret|jdbc:postgresql://db/app?password=****",
            "jdbc:postgresql://db/app?password=s3)cret|jdbc:postgresql://db/app?password=****",
            "jdbc:postgresql://db/app?sslpassword=s3cret|jdbc:postgresql://db/app?sslpassword=****",
            "jdbc:mysql://db/app?trustStorePassword=s3cret&x=1|jdbc:mysql://db/app?trustStorePassword=****&x=1",
            "access_token: s3cret|access_token: ****",
            // every way a statement can spell a password
            "CREATE ROLE app PASSWORD $$s3cret$$|CREATE ROLE app PASSWORD $$****$$",
            "CREATE ROLE app PASSWORD $pw$s3'cret$pw$ LOGIN|CREATE ROLE app PASSWORD $pw$****$pw$ LOGIN",
            "CREATE ROLE app PASSWORD E's3\\'cret'|CREATE ROLE app PASSWORD E'****'",
            "SET PASSWORD FOR app = PASSWORD('s3cret')|SET PASSWORD FOR app = PASSWORD('****')",
            "CREATE USER app IDENTIFIED WITH mysql_native_password BY 's3cret'|CREATE USER app IDENTIFIED WITH mysql_native_password BY '****'",
            "CREATE USER app IDENTIFIED WITH caching_sha2_password AS 's3cret'|CREATE USER app IDENTIFIED WITH caching_sha2_password AS '****'",
            "ALTER LOGIN app WITH PASSWORD = N's3cret'|ALTER LOGIN app WITH PASSWORD = N'****'",
            "ALTER USER app IDENTIFIED BY \"s3cret\"|ALTER USER app IDENTIFIED BY \"****\"",
            "CREATE ROLE app PASSWORD 's3cret|CREATE ROLE app PASSWORD '****"})
    void mask_hidesEveryKindOfPassword(String text, String masked) {
        assertThat(Secrets.mask(text)).isEqualTo(masked).doesNotContain("s3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "password authentication failed for user \"app\"",
            "jdbc:postgresql://db:5432/app (user app)",
            "give either --password-env or --password-file, not both",
            "use password-env=VAR or password-file=PATH"})
    void mask_leavesOrdinaryTextAlone(String text) {
        assertThat(Secrets.mask(text)).isEqualTo(text);
    }

    @Test
    void mask_isLinear_noStackOverflowOnAHugeLiteral() {
        String huge = "x".repeat(12 * 1024) + "''" + "y".repeat(12 * 1024);
        assertThat(Secrets.mask("CREATE ROLE a PASSWORD '" + huge + "'")).isEqualTo("CREATE ROLE a PASSWORD '****'");
        String many = "://a:".repeat(200_000);
        assertThat(Secrets.mask(many)).isEqualTo(many);
        String pairs = "password=".repeat(200_000);
        assertThat(Secrets.mask(pairs)).startsWith("password=****");
    }

    @Test
    void scrub_hidesKnownSecretsStandingAlone_notInsideOtherWords() {
        assertThat(Secrets.scrub("Incorrect port value : idle@127.0.0.1", List.of("idle")))
                .isEqualTo("Incorrect port value : ****@127.0.0.1");
        assertThat(Secrets.scrub("jdbc:postgresql://127.0.0.1:5432/idle_db (user idle_r)", List.of("idle")))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/idle_db (user idle_r)");
        assertThat(Secrets.scrub("near 'S3cr!t' at line 1", List.of("S3cr!t"))).isEqualTo("near '****' at line 1");
        assertThat(Secrets.scrub("abc", List.of("ab"))).isEqualTo("abc");
    }

    @Test
    void secretsIn_findsTheLiteralsAServerMayEcho() {
        assertThat(Secrets.secretsIn("CREATE USER a IDENTIFIED BY 'S3cr!t'; jdbc:x://u:pw12@h"))
                .containsExactly("S3cr!t", "pw12");
    }

    @Test
    void isSecretName_byWord() {
        assertThat(List.of("dbPassword", "API_TOKEN", "client_secret", "apiKey", "pwd")).allMatch(Secrets::isSecretName);
        assertThat(List.of("schema", "tenant", "owner")).noneMatch(Secrets::isSecretName);
    }
}
