package dev.migrator.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RedactingOutputStreamTest {
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final RedactingOutputStream redacting = new RedactingOutputStream(sink);
    private final PrintStream out = new PrintStream(redacting, true, StandardCharsets.UTF_8);

    @Test
    void theSecret_isReplacedWherever_itAppears() {
        redacting.addSecret("pa55word");

        out.println("FATAL: password pa55word rejected; pa55wordpa55word");

        assertThat(printed()).isEqualTo("FATAL: password **** rejected; ********\n");
    }

    /** Issue 22: password idle, user idle_r: the user name and the database name stay readable. */
    @Test
    void aSecret_isReplacedWhereItStandsAlone_notInsideAnotherWord() {
        redacting.addSecret("idle");

        out.println("jdbc:postgresql://127.0.0.1:5432/idle_db (user idle_r): Incorrect port value : idle@host 'idle'");

        assertThat(printed()).isEqualTo(
                "jdbc:postgresql://127.0.0.1:5432/idle_db (user idle_r): Incorrect port value : ****@host '****'\n");
    }

    @Test
    void aSecretSplitAcrossWrites_isStillFound_withinALine() throws IOException {
        redacting.addSecret("pa55word");

        redacting.write("user=ada pa5".getBytes(StandardCharsets.UTF_8));
        redacting.write("5word end\n".getBytes(StandardCharsets.UTF_8));

        assertThat(printed()).isEqualTo("user=ada **** end\n");
    }

    @Test
    void aSecretEscapedInJson_isFoundToo() {
        redacting.addSecret("a\"b\\cdef");

        out.println("{\"message\":\"a\\\"b\\\\cdef\"}");

        assertThat(printed()).isEqualTo("{\"message\":\"****\"}\n");
    }

    @Test
    void shortSecrets_areNotScrubbed_forTheyWouldScrubOrdinaryWords() {
        redacting.addSecret("on");

        out.println("{\"operation\":\"info\"}");

        assertThat(printed()).isEqualTo("{\"operation\":\"info\"}\n");
    }

    @Test
    void aSecretSplitAcrossFlushes_isStillFound_forAnUnfinishedLineWaits() {
        redacting.addSecret("pa55word");

        out.print("user=ada pa5");
        out.flush();
        String beforeTheLineEnds = printed();
        out.println("5word end");

        assertThat(beforeTheLineEnds).isEmpty();
        assertThat(printed()).isEqualTo("user=ada **** end\n");
    }

    @Test
    void textWithoutSecrets_passesUnchanged_andAnUnfinishedLastLineIsLetOutOnClose() {
        out.println("first");
        out.print("no newline");
        out.close();

        assertThat(printed()).isEqualTo("first\nno newline");
    }

    private String printed() {
        out.flush();
        return sink.toString(StandardCharsets.UTF_8);
    }
}
