package dev.migrator.core;

import dev.migrator.api.spi.SchemaModel;
import dev.migrator.api.spi.SchemaModel.SchemaObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The differences between two schemas, worded as a review comment: an object one side has and the other lacks, or
 * an attribute that differs, one line each, such as {@code column orders.note: present now, absent after the last
 * run} or {@code column orders.status: type varchar(20) in A, varchar(10) in B}. Used by drift detection, the CLI's
 * {@code diff}, and the testkit's {@code SchemaSnapshot}.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /**
     * What differs between two schemas, one readable line per difference; empty when they are equal. An attribute
     * whose value is {@code "null"} (no default, say) counts as absent.
     *
     * @param leftLabel  what the left side is, such as "now" or "in A"
     * @param rightLabel what the right side is, such as "after the last run" or "in B"
     */
    public static List<String> between(SchemaModel left, SchemaModel right, String leftLabel, String rightLabel) {
        return lines(withoutNulls(left.objects()), withoutNulls(right.objects()), leftLabel, rightLabel);
    }

    /** The objects of a schema with every {@code "null"} attribute dropped, so that it equals one left out. */
    public static List<SchemaObject> withoutNulls(List<SchemaObject> objects) {
        return objects.stream().map(o -> new SchemaObject(o.kind(), o.name(),
                o.attributes().entrySet().stream().filter(e -> !e.getValue().equals("null"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))).toList();
    }

    /**
     * As {@link #between}, for object lists sorted as {@link SchemaModel} sorts them, taken as they are.
     */
    public static List<String> lines(List<SchemaObject> left, List<SchemaObject> right, String leftLabel,
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

    /** One object with all its attributes, one line: {@code index orders_idx: on orders(id), unique no}. */
    public static String describe(SchemaObject o) {
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
