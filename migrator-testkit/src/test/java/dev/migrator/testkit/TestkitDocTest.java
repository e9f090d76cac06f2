package dev.migrator.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/testkit.md from rotting: each code block that follows an {@code <!-- include: path#region -->} comment
 * must equal the lines between {@code tag::region[]} and {@code end::region[]} in that file (a test of this module,
 * so the code the page shows runs in the build). The convention is the docs module's; this checks the one page
 * here, where the testkit is built, so that a change to the example fails this module's build.
 */
class TestkitDocTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PAGE = ROOT.resolve("docs/testkit.md");
    private static final Pattern INCLUDE =
            Pattern.compile("^\\s*<!--\\s*include:\\s*([^#\\s]+)#([\\w.-]+)\\s*-->\\s*$");

    @Test
    void everyIncludedBlockOfTheTestkitPage_equalsTheTaggedRegionOfATestedSource() throws IOException {
        List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher include = INCLUDE.matcher(lines.get(i));
            if (!include.matches()) {
                continue;
            }
            assertThat(lines.get(i + 1)).as("docs/testkit.md:%d: a fenced block must follow the include", i + 1)
                    .startsWith("```");
            List<String> block = new ArrayList<>();
            for (int j = i + 2; !lines.get(j).startsWith("```"); j++) {
                block.add(lines.get(j));
            }
            Path source = ROOT.resolve(include.group(1));
            String region = include.group(2);
            assertThat(normalise(block))
                    .as("docs/testkit.md:%d differs from %s#%s; paste the region as it is now", i + 1,
                            include.group(1), region)
                    .isEqualTo(normalise(region(source, region)));
            checked.add(include.group(1) + "#" + region);
        }
        assertThat(checked).as("the page includes the example this module runs")
                .contains("migrator-testkit/src/test/java/dev/migrator/testkit/example/MigrationsAreReversibleIT.java"
                        + "#reversibility-check");
    }

    private static List<String> region(Path source, String region) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(source, StandardCharsets.UTF_8)) {
            if (line.contains("tag::" + region + "[]")) {
                inside = true;
            } else if (line.contains("end::" + region + "[]")) {
                return out;
            } else if (inside) {
                out.add(line);
            }
        }
        throw new AssertionError("region " + region + " is not opened and closed in " + source);
    }

    /** Trailing spaces and the indentation all lines share do not count, as in the docs module's check. */
    private static String normalise(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l.isBlank() ? "" : l.stripTrailing().substring(indent)).append('\n');
        }
        return out.toString().replaceAll("^\n+|\n+$", "");
    }
}
