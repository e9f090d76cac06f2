package dev.migrator.mongo;

import dev.migrator.api.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptParserTest {

    @Test
    void eachCommandKeepsTheLineWhereItStarts() {
        String text = """
                [
                  {"create": "users"},
                  {
                    "createIndexes": "users",
                    "indexes": [{"key": {"email": 1}, "name": "email_1", "unique": true}]
                  },

                  {"drop": "legacy"}
                ]
                """;

        List<Command> commands = ScriptParser.parse("V1__x.json", text);

        assertThat(commands).extracting(Command::line).containsExactly(2, 3, 8);
        assertThat(commands).extracting(Command::name).containsExactly("create", "createIndexes", "drop");
    }

    @Test
    void crlfAndLoneCrEachEndOneLine() {
        List<Command> commands = ScriptParser.parse("V1__x.json", "[\r\n{\"a\": 1},\r\n\r{\"b\": 2}\r\n]");

        assertThat(commands).extracting(Command::line).containsExactly(2, 4);
    }

    @Test
    void statementsAreOneLineOfRelaxedJson() {
        List<Command> commands = ScriptParser.parse("V1__x.json",
                "[{\"create\":  \"logs\",\n \"capped\": true, \"size\": {\"$numberLong\": \"4096\"}}]");

        assertThat(commands.get(0).json()).isEqualTo("{\"create\": \"logs\", \"capped\": true, \"size\": 4096}");
    }

    @Test
    void bracketsCommasAndQuotesInsideStringsDoNotSplitCommands() {
        String text = "[{\"insert\": \"notes\", \"documents\": [{\"text\": \"a }, { \\\" ] [ 'b'\"}]},\n"
                + "{\"insert\": \"notes\", \"documents\": [{'text': '} \\' ,'}]},\n"
                + "{\"find\": \"notes\", \"filter\": {\"text\": /a}\\/b/i}}]";

        List<Command> commands = ScriptParser.parse("V1__x.json", text);

        assertThat(commands).extracting(Command::line).containsExactly(1, 2, 3);
        assertThat(commands.get(0).document().getArray("documents").get(0).asDocument().getString("text")
                .getValue()).isEqualTo("a }, { \" ] [ 'b'");
    }

    @Test
    void shellExtendedJsonIsAccepted() {
        List<Command> commands = ScriptParser.parse("V1__x.json", "[{insert: \"users\", documents: "
                + "[{_id: ObjectId(\"5f1d7f3b9d1e8a3b2c4d5e6f\"), since: {\"$date\": \"2024-01-02T03:04:05Z\"}}]}]");

        assertThat(commands.get(0).name()).isEqualTo("insert");
        assertThat(commands.get(0).json()).contains("\"$oid\": \"5f1d7f3b9d1e8a3b2c4d5e6f\"")
                .contains("\"$date\": \"2024-01-02T03:04:05Z\"");
    }

    @Test
    void passwordsAreMaskedInStatementsButNotInWhatRuns() {
        Command command = ScriptParser.parse("V1__x.json", "[{\"createUser\": \"app\", \"pwd\": \"s3cret\", "
                + "\"roles\": [{\"role\": \"read\", \"db\": \"appdb\"}]}]").get(0);

        assertThat(command.json()).isEqualTo("{\"createUser\": \"app\", \"pwd\": \"****\", \"roles\": "
                + "[{\"role\": \"read\", \"db\": \"appdb\"}]}");
        assertThat(command.document().getString("pwd").getValue()).isEqualTo("s3cret");
    }

    @Test
    void anEmptyArrayHasNoCommands() {
        assertThat(ScriptParser.parse("V1__x.json", "\uFEFF [ ] \n")).isEmpty();
    }

    @Test
    void onlyDataCommandsCanRunInATransaction() {
        List<Command> commands = ScriptParser.parse("V1__x.json", "[{\"insert\": \"a\", \"documents\": [{}]}, "
                + "{\"update\": \"a\", \"updates\": []}, {\"delete\": \"a\", \"deletes\": []}, "
                + "{\"findAndModify\": \"a\"}, {\"create\": \"b\"}, {\"createIndexes\": \"a\"}, {\"drop\": \"a\"}, "
                + "{\"dropIndexes\": \"a\"}, {\"collMod\": \"a\"}, {\"renameCollection\": \"x.a\"}]");

        assertThat(commands).extracting(Command::transactional)
                .containsExactly(true, true, true, true, false, false, false, false, false, false);
    }

    @Test
    void aScriptThatIsNotAnArrayIsRefused() {
        assertThatThrownBy(() -> ScriptParser.parse("V1__x.json", "\n{\"create\": \"users\"}"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("V1__x.json line 2: a MongoDB script is a JSON array of commands")
                .hasMessageContaining("starts with '{\"create\": \"users\"}'");
    }

    @Test
    void anElementThatIsNotADocumentIsRefusedWithItsIndex() {
        assertThatThrownBy(() -> ScriptParser.parse("V1__x.json", "[\n{\"create\": \"a\"},\n  42\n]"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("V1__x.json line 3: the element at index 1 is not a command document but '42'");
    }

    @Test
    void invalidJsonNamesTheLineOfTheMistake() {
        String text = "[\n  {\"create\": \"users\"},\n  {\"create\": \"orders\",\n   \"capped\": tru}\n]";

        assertThatThrownBy(() -> ScriptParser.parse("V1__x.json", text))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("V1__x.json line 4: the command at index 1 is not valid JSON (")
                .hasMessageContaining("found 'tru'").hasMessageEndingWith("); fix the JSON");
        assertThatThrownBy(() -> ScriptParser.parse("V1__x.json", "[{\"a\": 1,\n\n, \"b\": 2}]"))
                .hasMessageStartingWith("V1__x.json line 3: the command at index 0 is not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n "})
    void anEmptyScriptIsRefused(String text) {
        assertThatThrownBy(() -> ScriptParser.parse("V1__x.json", text))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("V1__x.json line ")
                .hasMessageContaining("is empty");
    }

    @Test
    void structuralMistakesNameTheirLine() {
        assertProblem("[{\"a\": 1},\n]", "line 2: the command at index 1 is missing: remove the extra ','");
        assertProblem("[\n{\"a\": 1}", "line 1: the array that starts here is never closed with ']'");
        assertProblem("[\n{\"a\": 1\n", "line 2: the command at index 0, which starts here, is never closed");
        assertProblem("[{\"a\":\n \"b}]", "line 2: the command at index 0 has a string that starts here");
        assertProblem("[{\"a\": [1\n}]", "line 2: the command at index 0 has '}' where ']' closes the '[' of line 1");
        assertProblem("[{\"a\": 1} {\"b\": 2}]", "line 1: expected ',' or ']' after the command at index 0");
        assertProblem("[]\n[]", "line 2: found '[]' after the array's closing ']'");
        assertProblem("[\n\n{}]", "line 3: the command at index 0 is an empty document");
    }

    @Test
    void generatedScriptsReportTheLineOfEveryCommand() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder("[");
            List<Integer> expected = new ArrayList<>();
            int line = 1;
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    text.append(',');
                }
                for (int blank = random.nextInt(3); blank > 0; blank--) {
                    text.append(random.nextBoolean() ? "\n" : "\r\n").append("  ");
                    line++;
                }
                expected.add(line);
                String value = tricky(random);
                text.append("{\"insert\": \"c").append(i).append("\",\n \"documents\": [{\"v\": \"").append(value)
                        .append("\"}]}");
                line++;
            }
            text.append(random.nextBoolean() ? "\n]\n" : "]");

            List<Command> commands = ScriptParser.parse("V1__g.json", text.toString());

            assertThat(commands).as("script %s", text).extracting(Command::line).isEqualTo(expected);
        }
    }

    private static String tricky(Random random) {
        String[] parts = {"{", "}", "[", "]", ",", "\\\"", "'", "/", "a", " ", "\\n", "\\\\"};
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(6); n > 0; n--) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        return s.toString();
    }

    private static void assertProblem(String text, String expected) {
        assertThatThrownBy(() -> ScriptParser.parse("V9__p.json", text))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("V9__p.json " + expected);
    }
}
