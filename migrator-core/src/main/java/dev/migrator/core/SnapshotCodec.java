package dev.migrator.core;

import dev.migrator.api.TargetException;
import dev.migrator.api.internal.TabText;
import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A schema snapshot as stored with a run: one line per object ({@code kind TAB name (TAB key TAB value)*}, with
 * backslash, tab and line breaks escaped), gzip-compressed and Base64-encoded, so that any text column holds it and a
 * schema of a thousand tables takes a few kilobytes. The {@code s1:} prefix names this format.
 */
final class SnapshotCodec {
    private static final String FORMAT = "s1:";

    private SnapshotCodec() {
    }

    static String encode(SchemaModel model) {
        // Written through to the compressor line by line: the uncompressed text (about 150 bytes per object, a few MB
        // for a schema of 10,000 objects) is never held whole, and no copy of it is made to encode it.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer text = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(bytes, 8192),
                StandardCharsets.UTF_8), 8192)) {
            for (SchemaObject o : model.objects()) {
                text.write(TabText.escape(o.kind()));
                text.write('\t');
                text.write(TabText.escape(o.name()));
                for (Map.Entry<String, String> a : o.attributes().entrySet()) {
                    text.write('\t');
                    text.write(TabText.escape(a.getKey()));
                    text.write('\t');
                    text.write(TabText.escape(a.getValue()));
                }
                text.write('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("compressing in memory cannot fail", e);
        }
        return FORMAT + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static SchemaModel decode(String content) {
        if (!content.startsWith(FORMAT)) {
            throw new TargetException("The stored schema snapshot is in a format this release cannot read ('"
                    + content.substring(0, Math.min(3, content.length())) + "'); it was written by a newer "
                    + "release: upgrade, or let the next migration run store a new one");
        }
        String text;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(content.substring(FORMAT.length()))))) {
            text = new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            throw new TargetException("The stored schema snapshot cannot be read (" + e.getMessage() + "): it was "
                    + "damaged; the next migration run stores a new one", e);
        }
        List<SchemaObject> objects = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 2; i + 1 < f.length; i += 2) {
                attributes.put(unescape(f[i]), unescape(f[i + 1]));
            }
            objects.add(new SchemaObject(unescape(f[0]), unescape(f[1]), attributes));
        }
        return new SchemaModel(objects);
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
