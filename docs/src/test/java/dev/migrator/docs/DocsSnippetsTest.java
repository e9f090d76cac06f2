package dev.migrator.docs;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Keeps the docs from rotting: every code block that README.md or a docs page includes from a source file must
 * equal that region of the file, and the source is compiled and run by this module's tests. The convention is
 * described in docs/README.md and in {@link MarkdownFile}.
 */
class DocsSnippetsTest {
    /**
     * The pages whose every Java block must be included from a tested source. Other engineers' pages are checked
     * for the includes they use, and join this list when their author says so.
     */
    private static final List<String> STRICT_PAGES = List.of("README.md", "docs/README.md",
            "docs/getting-started.md", "docs/migrations.md", "docs/configuration.md", "docs/testing.md",
            "docs/rollback.md", "docs/mongodb.md", "docs/testkit.md", "docs/ci-cd.md", "docs/json-report.md",
            "docs/databases.md", "docs/performance.md", "docs/zero-downtime.md");
    /** Pages that other engineers are writing; links to them may run ahead of the pages themselves. */
    private static final Set<String> PAGES_IN_PROGRESS = Set.of();
    private static final Pattern DEPENDENCY_VERSION = Pattern.compile(
            "<artifactId>migrator-[\\w-]+</artifactId>\\s*<version>([^<]+)</version>");

    private static final Path ROOT = Path.of(System.getProperty("migrator.repository.root", "..")).normalize()
            .toAbsolutePath();

    @TestFactory
    Stream<DynamicTest> everyIncludedBlock_equalsTheRegionItNames() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path page : markdownPages()) {
            MarkdownFile md = MarkdownFile.parse(page);
            for (MarkdownFile.CodeBlock block : md.blocks) {
                if (block.include() != null) {
                    tests.add(DynamicTest.dynamicTest(relative(page) + ":" + block.line() + " = " + block.include(),
                            () -> assertBlockEqualsSource(page, block)));
                }
            }
        }
        assertThat(tests).as("included blocks in README.md and docs/").isNotEmpty();
        return tests.stream();
    }

    @Test
    void everyIncludeComment_isFollowedByACodeBlock() throws IOException {
        List<String> dangling = new ArrayList<>();
        for (Path page : markdownPages()) {
            for (MarkdownFile.Include include : MarkdownFile.parse(page).danglingIncludes) {
                dangling.add(relative(page) + ":" + include.line() + " includes " + include
                        + " but no fenced code block follows it");
            }
        }
        assertThat(dangling).isEmpty();
    }

    @Test
    void strictPages_haveNoJavaBlockWithoutAnInclude() throws IOException {
        List<String> uncovered = new ArrayList<>();
        for (String name : STRICT_PAGES) {
            Path page = ROOT.resolve(name);
            assertThat(page).as(name).exists();
            for (MarkdownFile.CodeBlock block : MarkdownFile.parse(page).blocks) {
                if (block.language().equals("java") && block.include() == null) {
                    uncovered.add(name + ":" + block.line() + ": a java block with no <!-- include: ... --> comment; "
                            + "move the code into a tagged region of a tested file in docs/src and include it");
                }
            }
        }
        assertThat(uncovered).isEmpty();
    }

    @Test
    void strictPages_linkOnlyToFilesThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (String name : STRICT_PAGES) {
            Path page = ROOT.resolve(name);
            for (MarkdownFile.Link link : MarkdownFile.parse(page).links) {
                String file = link.target().replaceFirst("#.*$", "");
                Path target = page.getParent().resolve(file).normalize();
                if (!Files.exists(target) && !PAGES_IN_PROGRESS.contains(relative(target))) {
                    broken.add(name + ":" + link.line() + " links to " + link.target() + ", which does not exist");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void dependencySnippets_nameTheVersionThisBuildMakes() throws IOException {
        String version = System.getProperty("migrator.version");
        assertThat(version).as("the build passes -Dmigrator.version").isNotBlank();
        List<String> stale = new ArrayList<>();
        for (Path page : markdownPages()) {
            for (MarkdownFile.CodeBlock block : MarkdownFile.parse(page).blocks) {
                Matcher m = DEPENDENCY_VERSION.matcher(String.join("\n", block.lines()));
                while (m.find()) {
                    if (!m.group(1).equals(version)) {
                        stale.add(relative(page) + ":" + block.line() + " names version " + m.group(1)
                                + "; this build makes " + version);
                    }
                }
            }
        }
        assertThat(stale).isEmpty();
    }

    private static void assertBlockEqualsSource(Path page, MarkdownFile.CodeBlock block) throws IOException {
        MarkdownFile.Include include = block.include();
        Path source = ROOT.resolve(include.path()).normalize();
        String where = relative(page) + ":" + include.line();
        if (!Files.isRegularFile(source)) {
            fail(where + " includes " + include.path() + ", which does not exist (paths are relative to the "
                    + "repository root)");
        }
        String expected;
        try {
            expected = expectedText(source, include.regions());
        } catch (IllegalArgumentException e) {
            fail(where + ": " + e.getMessage());
            return;
        }
        String actual = SourceRegions.normalize(block.lines());
        assertThat(actual)
                .as("%s: the code block differs from %s; paste the region as it is now:%n%s", where, include,
                        expected)
                .isEqualTo(expected);
    }

    private static String expectedText(Path source, List<String> regions) throws IOException {
        if (regions.isEmpty()) {
            return SourceRegions.normalize(SourceRegions.read(source, null));
        }
        List<String> joined = new ArrayList<>();
        for (String region : regions) {
            if (!joined.isEmpty()) {
                joined.add("");
            }
            joined.addAll(SourceRegions.normalize(SourceRegions.read(source, region)).lines().toList());
        }
        return SourceRegions.normalize(joined);
    }

    /** README.md and every markdown file under docs/ (the module's own build output excluded). */
    private static List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> !ROOT.resolve("docs").relativize(p).startsWith("target"))
                    .sorted()
                    .forEach(pages::add);
        }
        return pages;
    }

    private static String relative(Path path) {
        return ROOT.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
