package dev.migrator.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The region reader behind DocsSnippetsTest: what a page may include, and how it is compared. */
class SourceRegionsTest {
    @TempDir
    Path dir;

    @Test
    void region_isTheLinesBetweenItsMarkers_withoutOtherMarkers() throws Exception {
        Path file = write("A.java", """
                class A {
                    // tag::outer[]
                    void a() {
                        // tag::inner[]
                        call();
                        // end::inner[]
                    }
                    // end::outer[]
                }
                """);

        assertThat(SourceRegions.read(file, "outer"))
                .containsExactly("    void a() {", "        call();", "    }");
        assertThat(SourceRegions.read(file, "inner")).containsExactly("        call();");
    }

    @Test
    void tagUsedTwice_contributesBothParts_inOrder() throws Exception {
        Path file = write("V1__X.sql", """
                -- tag::shown[]
                CREATE TABLE a (id INT);
                -- end::shown[]
                CREATE TABLE hidden (id INT);
                -- tag::shown[]
                CREATE TABLE b (id INT);
                -- end::shown[]
                """);

        assertThat(SourceRegions.read(file, "shown"))
                .containsExactly("CREATE TABLE a (id INT);", "CREATE TABLE b (id INT);");
    }

    @Test
    void wholeFile_dropsMarkerLines() throws Exception {
        Path file = write("V1__X.sql", "-- tag::x[]\nSELECT 1;\n-- end::x[]\n");

        assertThat(SourceRegions.read(file, null)).containsExactly("SELECT 1;");
    }

    @Test
    void missingRegion_isNamedWithItsFile() throws Exception {
        Path file = write("A.java", "class A {}\n");

        assertThatThrownBy(() -> SourceRegions.read(file, "quick-start"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("region 'quick-start' is not in ")
                .hasMessageContaining("A.java");
    }

    @Test
    void unclosedRegion_isNamedWithItsLine() throws Exception {
        Path file = write("A.java", "class A {\n  // tag::open[]\n  int x;\n}\n");

        assertThatThrownBy(() -> SourceRegions.read(file, "open"))
                .hasMessageEndingWith("A.java:2: region 'open' is never closed with end::open[]");
    }

    @Test
    void normalize_ignoresSharedIndentTrailingSpacesAndBlankEdges_butKeepsRelativeIndent() {
        String fromSource = SourceRegions.normalize(List.of("", "        if (x) {  ", "            y();", "        }", ""));
        String fromPage = SourceRegions.normalize(List.of("if (x) {", "    y();", "}"));

        assertThat(fromSource).isEqualTo(fromPage).isEqualTo("if (x) {\n    y();\n}\n");
        assertThat(SourceRegions.normalize(List.of("if (x) {", "y();", "}"))).isNotEqualTo(fromPage);
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
