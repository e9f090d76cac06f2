package dev.migrator.testkit;

import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The differences between two sorted lists of schema objects, worded as a review comment: an object one side has
 * and the other lacks, or an attribute that differs, one line each.
 */
final class SnapshotDiff {
    private SnapshotDiff() {
    }

    /**
     * @param left       one side, sorted as {@link dev.migrator.api.spi.SchemaModel} sorts
     * @param right      the other side, sorted alike
     * @param leftLabel  what the left side is, such as "after down"
     * @param rightLabel what the right side is, such as "before up"
     */
    static List<String> lines(List<SchemaObject> left, List<SchemaObject> right, String leftLabel,
                              String rightLabel) {
        List<String> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            int c = i == left.size() ? 1 : j == right.size() ? -1 : left.get(i).compareTo(right.get(j));
            if (c < 0) {
                lines.add(identify(left.get(i++)) + ": present " + leftLabel + ", absent " + rightLabel);
            } else if (c > 0) {
                lines.add(identify(right.get(j++)) + ": present " + rightLabel + ", absent " + leftLabel);
            } else {
                attributes(left.get(i++), right.get(j++), leftLabel, rightLabel, lines);
            }
        }
        return lines;
    }

    private static void attributes(SchemaObject left, SchemaObject right, String leftLabel, String rightLabel,
                                   List<String> lines) {
        TreeSet<String> keys = new TreeSet<>(left.attributes().keySet());
        keys.addAll(right.attributes().keySet());
        for (String key : keys) {
            String l = left.attributes().get(key);
            String r = right.attributes().get(key);
            if (!value(l).equals(value(r))) {
                // Where the object is would be said twice when that is what changed.
                String object = key.equals("on") ? left.kind() + " " + left.name() : identify(left);
                lines.add(object + ": " + key + " " + value(l) + " " + leftLabel + ", " + value(r) + " " + rightLabel);
            }
        }
    }

    /** The kind and name, and where the object is when that is not in its name: {@code index i on orders(id)}. */
    private static String identify(SchemaObject o) {
        String on = o.attributes().get("on");
        return o.kind() + " " + o.name() + (on == null || on.equals(o.name()) ? "" : " on " + on);
    }

    /** One object with all its attributes, as {@link SchemaSnapshot#toString()} prints it. */
    static String describe(SchemaObject o) {
        Map<String, String> a = o.attributes();
        if (a.isEmpty()) {
            return o.kind() + " " + o.name();
        }
        return o.kind() + " " + o.name() + ": " + a.entrySet().stream()
                .map(e -> e.getKey() + " " + value(e.getValue())).collect(Collectors.joining(", "));
    }

    /** An absent attribute (no default, say) reads "none". */
    private static String value(String v) {
        return v == null ? "none" : v;
    }
}
