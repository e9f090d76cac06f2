package dev.migrator.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced code blocks, include comments and relative links of one markdown file; just enough markdown for
 * {@link DocsSnippetsTest}.
 *
 * <p>The include convention (documented in docs/README.md): a line {@code <!-- include: path#region -->} right
 * before a fenced block says that the block equals that region of that file. The path is relative to the
 * repository root; {@code #region} may list several regions ({@code #imports,quick-start}), joined by a blank line,
 * and without it the block is the whole file.
 */
final class MarkdownFile {
    private static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*([\\w+-]*).*$");
    private static final Pattern INCLUDE = Pattern.compile("^\\s*<!--\\s*include:\\s*([^#\\s]+)(?:#([\\w.,-]+))?\\s*-->\\s*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** A {@code <!-- include: ... -->} comment: the file it names and the regions, none for the whole file. */
    record Include(int line, String path, List<String> regions) {
        @Override
        public String toString() {
            return path + (regions.isEmpty() ? "" : "#" + String.join(",", regions));
        }
    }

    /**
     * A fenced code block.
     *
     * @param line     the 1-based line of its opening fence
     * @param language the fence's info string, such as {@code java}; empty when none
     * @param include  the include comment right before it, or null
     */
    record CodeBlock(int line, String language, List<String> lines, Include include) {
    }

    /** A relative link, such as {@code migrations.md#placeholders}. */
    record Link(int line, String target) {
    }

    final Path path;
    final List<CodeBlock> blocks = new ArrayList<>();
    /** Include comments that no fenced block follows: always a mistake. */
    final List<Include> danglingIncludes = new ArrayList<>();
    final List<Link> links = new ArrayList<>();

    private MarkdownFile(Path path) {
        this.path = path;
    }

    static MarkdownFile parse(Path path) throws IOException {
        MarkdownFile md = new MarkdownFile(path);
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        Include pending = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                String closing = fence.group(2);
                List<String> content = new ArrayList<>();
                int start = i;
                for (i++; i < lines.size() && !lines.get(i).strip().startsWith(closing); i++) {
                    content.add(lines.get(i));
                }
                md.blocks.add(new CodeBlock(start + 1, fence.group(3), content, pending));
                pending = null;
                continue;
            }
            Matcher include = INCLUDE.matcher(line);
            if (include.matches()) {
                if (pending != null) {
                    md.danglingIncludes.add(pending);
                }
                pending = new Include(i + 1, include.group(1),
                        include.group(2) == null ? List.of() : List.of(include.group(2).split(",")));
                continue;
            }
            if (!line.isBlank() && pending != null) {
                md.danglingIncludes.add(pending);
                pending = null;
            }
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String target = link.group(1);
                if (!target.contains("://") && !target.startsWith("mailto:") && !target.startsWith("#")) {
                    md.links.add(new Link(i + 1, target));
                }
            }
        }
        if (pending != null) {
            md.danglingIncludes.add(pending);
        }
        return md;
    }
}
