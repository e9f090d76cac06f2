package dev.migrator.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The markdown reader behind DocsSnippetsTest. */
class MarkdownFileTest {
    @TempDir
    Path dir;

    @Test
    void includeComment_attachesToTheFencedBlockRightAfterIt() throws Exception {
        MarkdownFile md = parse("""
                Text.

                <!-- include: docs/src/test/java/A.java#imports,quick-start -->
                ```java
                Migrator.builder();
                ```

                ```java
                notIncluded();
                ```
                """);

        assertThat(md.blocks).hasSize(2);
        assertThat(md.blocks.get(0).include().path()).isEqualTo("docs/src/test/java/A.java");
        assertThat(md.blocks.get(0).include().regions()).containsExactly("imports", "quick-start");
        assertThat(md.blocks.get(0).lines()).containsExactly("Migrator.builder();");
        assertThat(md.blocks.get(0).line()).isEqualTo(4);
        assertThat(md.blocks.get(1).include()).isNull();
        assertThat(md.danglingIncludes).isEmpty();
    }

    @Test
    void includeComment_withTextBeforeTheBlock_isDangling() throws Exception {
        MarkdownFile md = parse("""
                <!-- include: V1__X.sql -->
                Some words in between.

                ```sql
                SELECT 1;
                ```
                """);

        assertThat(md.danglingIncludes).extracting(MarkdownFile.Include::path).containsExactly("V1__X.sql");
        assertThat(md.blocks.get(0).include()).isNull();
    }

    @Test
    void fencesInsideABlock_andIndentedBlocks_areReadAsWritten() throws Exception {
        MarkdownFile md = parse("""
                1. A step:

                   <!-- include: V1__X.sql -->
                   ```sql
                   SELECT 1;
                   ```

                ````text
                ```java
                shown as text
                ```
                ````
                """);

        assertThat(md.blocks).extracting(MarkdownFile.CodeBlock::language).containsExactly("sql", "text");
        assertThat(md.blocks.get(0).include().regions()).isEmpty();
        assertThat(md.blocks.get(1).lines()).containsExactly("```java", "shown as text", "```");
    }

    @Test
    void relativeLinks_areCollected_butNotUrlsOrAnchors() throws Exception {
        MarkdownFile md = parse("See [a](migrations.md#placeholders), [b](https://example.com) and [c](#top).\n");

        assertThat(md.links).extracting(MarkdownFile.Link::target).isEqualTo(List.of("migrations.md#placeholders"));
    }

    private MarkdownFile parse(String text) throws Exception {
        Path file = dir.resolve("page.md");
        Files.writeString(file, text);
        return MarkdownFile.parse(file);
    }
}
