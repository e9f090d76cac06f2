package dev.migrator.api.spi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true|jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true",
            "jdbc:sqlserver://db;user=app;password=s3cret;encrypt=true|jdbc:sqlserver://db;user=app;password=****;encrypt=true",
            "mongodb://app:s3cret@db:27017/app|mongodb://app:****@db:27017/app",
            "jdbc:mysql://app:s3cret@db/app|jdbc:mysql://app:****@db/app",
            "{\"createUser\": \"app\", \"pwd\": \"s3cret\"}|{\"createUser\": \"app\", \"pwd\": \"****\"}",
            "CREATE USER app WITH PASSWORD 's3cret'|CREATE USER app WITH PASSWORD '****'",
            "CREATE USER 'app'@'%' IDENTIFIED BY 's3''cret'|CREATE USER 'app'@'%' IDENTIFIED BY '****'",
            "pwd=abc def|pwd=**** def"})
    void mask_hidesEveryKindOfPassword(String text, String masked) {
        assertThat(Secrets.mask(text)).isEqualTo(masked).doesNotContain("s3cret");
    }
}
