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
 * Reads tagged regions of source files, as Asciidoc's {@code include::file[tag=name]} does: the lines between
 * {@code tag::name[]} and {@code end::name[]}, in any comment syntax ({@code //}, {@code --}, {@code #}). A tag used
 * more than once contributes every part, in order. Lines holding a tag marker are never part of a region, so
 * regions may nest and overlap.
 */
final class SourceRegions {
    private static final Pattern MARKER = Pattern.compile("\\b(tag|end)::([\\w.-]+)\\[]");

    private SourceRegions() {
    }

    /**
     * The region's lines, or the whole file (marker lines dropped) when {@code region} is null.
     *
     * @throws IllegalArgumentException naming the file and region when the region is missing or not closed
     */
    static List<String> read(Path file, String region) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        int openedAt = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line);
            if (marker.find()) {
                if (marker.group(2).equals(region)) {
                    boolean start = marker.group(1).equals("tag");
                    if (start == inside) {
                        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + marker.group()
                                + (start ? " opens region '" + region + "' again before it was closed"
                                : " closes region '" + region + "', which is not open"));
                    }
                    inside = start;
                    found = true;
                    openedAt = i + 1;
                }
                continue;
            }
            if (region == null || inside) {
                out.add(line);
            }
        }
        if (region != null && !found) {
            throw new IllegalArgumentException("region '" + region + "' is not in " + file
                    + ": mark it with tag::" + region + "[] and end::" + region + "[] comment lines");
        }
        if (inside) {
            throw new IllegalArgumentException(file + ":" + openedAt + ": region '" + region
                    + "' is never closed with end::" + region + "[]");
        }
        return out;
    }

    /**
     * The text as the docs compare it: tabs as four spaces, trailing spaces and leading/trailing blank lines gone,
     * runs of blank lines as one, and the indentation the lines share removed.
     */
    static String normalize(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String l = line.replace("\t", "    ").stripTrailing();
            if (l.isEmpty() && (kept.isEmpty() || kept.get(kept.size() - 1).isEmpty())) {
                continue;
            }
            kept.add(l);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
            kept.remove(kept.size() - 1);
        }
        int indent = Integer.MAX_VALUE;
        for (String l : kept) {
            if (!l.isEmpty()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String l : kept) {
            out.append(l.isEmpty() ? l : l.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
