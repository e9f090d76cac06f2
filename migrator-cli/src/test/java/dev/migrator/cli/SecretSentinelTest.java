package dev.migrator.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 item 2 and issue 13 item 7: a sentinel secret goes through every way a secret can reach the command line
 * (the password's flag, file and variable, the values of {@code --password-env} and {@code --password-file} given by
 * mistake, URL user-info and {@code password=}/{@code sslpassword=} parameters, secret placeholders by flag,
 * environment and config file, a statement's password literal that the database echoes, a config file holding a
 * password), for every command, with {@code --json} and without, on failure paths and successful ones; it appears
 * nowhere on standard output or standard error, where the logs go.
 *
 * <p>Logs: every logger runs at TRACE (set before any logger exists), so that every log statement, of every level,
 * is printed: a run at a coarser level prints a subset of the same lines. Driver logging at DEBUG/TRACE is outside
 * our control (see docs/cli.md), but the drivers' slf4j loggers run at TRACE here too, through the same scrubber.
 * PostgreSQL and MariaDB are reached at their standard local ports only to fail: refused or denied, either way a
 * failure path, so this test needs no server and skips nothing.
 */
class SecretSentinelTest {
    /** Letters, digits and punctuation, as real passwords have; long enough never to occur by chance. */
    private static final String SENTINEL = "Sx7!kQ2-zR9pWv";
    /** The characters that cut masking short before: {@code , ; )}. */
    private static final String SENTINEL_URL = "Tq4,mW8;nB)3yL";

    @TempDir
    static Path dir;
    private static String locations;
    private static String echoLocations;
    private static String authUrl;

    @BeforeAll
    static void workspace() throws IOException, SQLException {
        // Before any of these loggers exists; a -D on the command line wins over LogSetup's defaults.
        for (String name : List.of("dev", "org", "com", "dev.migrator", "dev.migrator.events", "org.mariadb",
                "org.postgresql", "com.mongodb", "org.mongodb")) {
            System.setProperty("org.slf4j.simpleLogger.log." + name, "trace");
        }
        Path loc = Files.createDirectories(dir.resolve("placeholders"));
        Files.writeString(loc.resolve("V1__config.sql"), "CREATE TABLE config (k VARCHAR(20), v VARCHAR(100));\n"
                + "INSERT INTO config VALUES ('token', '${apiToken}');\n");
        Files.writeString(loc.resolve("U1__config.sql"), "DROP TABLE config;\n");
        Files.writeString(loc.resolve("V2__fails.sql"), "INSERT INTO nowhere VALUES ('${apiToken}');\n");
        locations = "filesystem:" + loc;
        Path echo = Files.createDirectories(dir.resolve("echo"));
        // H2 quotes the whole failing statement in its error, password literal included.
        Files.writeString(echo.resolve("V1__user.sql"), "CREATE USER app PASSWORD '" + SENTINEL + "' garbage;\n");
        echoLocations = "filesystem:" + echo;
        authUrl = "jdbc:h2:" + dir.resolve("auth");
        try (Connection c = DriverManager.getConnection(authUrl, "sa", "")) {
            c.createStatement().execute("CREATE TABLE t (id INT)");
        }
    }

    /** What each command needs to get past its own checks. */
    private static List<String> own(Command command) {
        return switch (command) {
            case ROLLBACK -> List.of("--count", "1");
            case BASELINE -> List.of("--to", "1");
            default -> List.of();
        };
    }

    private record Channel(String name, Map<String, String> env, List<String> args) {
    }

    private static List<Channel> channels(int run) throws IOException {
        String mem = "jdbc:h2:mem:sentinel" + run + ";DB_CLOSE_DELAY=-1";
        Path file = dir.resolve("password-" + run);
        Files.writeString(file, SENTINEL + "\n");
        Path config = dir.resolve("config-" + run + ".properties");
        Files.writeString(config, "placeholder.apiToken=" + SENTINEL + "\nlocations=" + locations + "\n");
        Path badConfig = dir.resolve("bad-config-" + run + ".properties");
        Files.writeString(badConfig, "db.password=" + SENTINEL + "\n");
        List<Channel> c = new ArrayList<>();
        c.add(new Channel("--password-env given the password", Map.of(),
                List.of("--url", mem, "--password-env", SENTINEL)));
        c.add(new Channel("--password-env=the password", Map.of(), List.of("--url", mem, "--password-env=" + SENTINEL)));
        c.add(new Channel("--password-file given the password", Map.of(),
                List.of("--url", mem, "--password-file", SENTINEL)));
        c.add(new Channel("--password", Map.of(), List.of("--url", mem, "--password", SENTINEL)));
        c.add(new Channel("--password=", Map.of(), List.of("--url", mem, "--password=" + SENTINEL)));
        c.add(new Channel("wrong password from a variable", Map.of("DB_PW", SENTINEL),
                List.of("--url", authUrl, "--user", "sa", "--password-env", "DB_PW")));
        c.add(new Channel("wrong password from a file", Map.of(),
                List.of("--url", authUrl, "--user", "sa", "--password-file", file.toString())));
        c.add(new Channel("wrong password from MIGRATOR_PASSWORD", Map.of("MIGRATOR_PASSWORD", SENTINEL),
                List.of("--url", authUrl, "--user", "sa")));
        c.add(new Channel("MIGRATOR_PASSWORD_ENV given the password", Map.of("MIGRATOR_PASSWORD_ENV", SENTINEL),
                List.of("--url", mem)));
        c.add(new Channel("H2 URL PASSWORD=", Map.of(), List.of("--url", authUrl + ";USER=sa;PASSWORD=" + SENTINEL)));
        c.add(new Channel("PostgreSQL user-info", Map.of(),
                List.of("--url", "jdbc:postgresql://nobody:" + SENTINEL + "@127.0.0.1:5432/nowhere")));
        c.add(new Channel("PostgreSQL password= with , ; )", Map.of(),
                List.of("--url", "jdbc:postgresql://127.0.0.1:5432/nowhere?user=nobody&password=" + SENTINEL_URL)));
        c.add(new Channel("PostgreSQL sslpassword=", Map.of(),
                List.of("--url", "jdbc:postgresql://127.0.0.1:5432/nowhere?user=nobody&sslpassword=" + SENTINEL
                        + "&password=" + SENTINEL_URL)));
        c.add(new Channel("PostgreSQL, unknown host in user-info", Map.of(),
                List.of("--url", "jdbc:postgresql://nobody:" + SENTINEL + "@no-such-host.invalid/nowhere")));
        c.add(new Channel("MariaDB user-info", Map.of(),
                List.of("--url", "jdbc:mariadb://nobody:" + SENTINEL + "@127.0.0.1:3306/nowhere")));
        c.add(new Channel("MySQL scheme user-info", Map.of(),
                List.of("--url", "jdbc:mysql://nobody:" + SENTINEL + "@127.0.0.1:3306/nowhere?password="
                        + SENTINEL_URL)));
        c.add(new Channel("MongoDB user-info", Map.of(),
                List.of("--url", "mongodb://nobody:" + SENTINEL + "@127.0.0.1:1/nowhere?serverSelectionTimeoutMS=200"
                        + "&connectTimeoutMS=200")));
        c.add(new Channel("MIGRATOR_URL user-info", Map.of("MIGRATOR_URL",
                "jdbc:postgresql://nobody:" + SENTINEL + "@127.0.0.1:5432/nowhere"), List.of()));
        c.add(new Channel("not a URL, with a password", Map.of(),
                List.of("--url", "ftp://nobody:" + SENTINEL + "@host/x")));
        c.add(new Channel("secret placeholder flag", Map.of(),
                List.of("--url", mem, "--placeholder", "apiToken=" + SENTINEL)));
        c.add(new Channel("placeholder without a name", Map.of(), List.of("--url", mem, "--placeholder", SENTINEL)));
        c.add(new Channel("secret placeholder variable", Map.of("MIGRATOR_PLACEHOLDER_apiToken", SENTINEL),
                List.of("--url", mem)));
        c.add(new Channel("secret placeholder in a config file", Map.of(),
                List.of("--url", mem, "--config", config.toString())));
        c.add(new Channel("a config file holding a password", Map.of(),
                List.of("--url", mem, "--config", badConfig.toString())));
        c.add(new Channel("a password literal the database echoes", Map.of(),
                List.of("--url", mem.replace("sentinel", "echo"), "--locations", echoLocations)));
        return c;
    }

    @Test
    void theSentinel_appearsNowhere_forEveryCommandChannelAndOutputFormat() throws IOException {
        assertThat(LoggerFactory.getLogger("dev.migrator.core.MigrationEngine").isTraceEnabled())
                .as("the library's loggers run at TRACE: every log statement is printed").isTrue();
        assertThat(LoggerFactory.getLogger("dev.migrator.events").isTraceEnabled()).isTrue();
        int run = 0;
        int runs = 0;
        int printed = 0;
        List<String> leaks = new ArrayList<>();
        for (Command command : Command.values()) {
            for (boolean json : new boolean[] {false, true}) {
                for (Channel channel : channels(run++)) {
                    List<String> args = new ArrayList<>();
                    args.add(command.word());
                    args.addAll(channel.args());
                    if (!args.contains("--locations") && !channel.args().contains("--config")) {
                        args.add("--locations");
                        args.add(locations);
                    }
                    args.addAll(own(command));
                    if (json) {
                        args.add("--json");
                    }
                    Map<String, String> env = new HashMap<>(channel.env());
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    ByteArrayOutputStream err = new ByteArrayOutputStream();
                    int status = Main.run(args.toArray(String[]::new), env, new PrintStream(out, true,
                            StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
                    String all = out.toString(StandardCharsets.UTF_8) + "\n" + err.toString(StandardCharsets.UTF_8);
                    runs++;
                    printed += all.isBlank() ? 0 : 1;
                    for (String secret : List.of(SENTINEL, SENTINEL_URL, "kQ2-zR9", "mW8;nB")) {
                        if (all.contains(secret)) {
                            leaks.add(String.join(" ", args) + " [" + channel.name() + "] exit " + status + ":\n"
                                    + all);
                        }
                    }
                }
            }
        }
        assertThat(printed).as("every run printed something to check").isEqualTo(runs);
        assertThat(leaks).as("runs that printed the sentinel").isEmpty();
    }

    /** The messages themselves never name the secret: the scrubber is the last line of defence, not the first. */
    @Test
    void theMessages_neverRepeatAPasswordGivenToTheWrongOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"info", "--url", "jdbc:h2:mem:x", "--password-env", SENTINEL},
                Map.of(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                        StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("The environment variable named by --password-env is not set")
                .contains("takes the variable's name, such as DB_PASSWORD, not its value").doesNotContain("****");
    }
}
