package dev.migrator.cli;

import java.util.List;
import java.util.Map;

/**
 * What goes to standard error, set before the first logger exists (slf4j-simple reads its levels when a logger is
 * made): one line per migration, as text by default or as JSON events ({@code --log-format json}, the default with
 * {@code --json}), never both; {@code --quiet} keeps warnings and errors only. A {@code -D} system property given on
 * the java command line wins (see {@code simplelogger.properties}).
 */
final class LogSetup {
    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private static final String EVENTS = PREFIX + "log.dev.migrator.events";
    private static final String MIGRATOR = PREFIX + "log.dev.migrator";

    private LogSetup() {
    }

    static void configure(String[] args, Map<String, String> env) {
        List<String> list = List.of(args);
        boolean quiet = list.contains("--quiet") || "true".equalsIgnoreCase(env.get(Option.QUIET.environmentVariable()));
        boolean json = list.contains("--json") || "true".equalsIgnoreCase(env.get(Option.JSON.environmentVariable()));
        String format = value(args, Option.LOG_FORMAT);
        if (format == null) {
            format = env.get(Option.LOG_FORMAT.environmentVariable());
        }
        boolean events = format == null ? json : format.trim().equalsIgnoreCase("json");
        setIfAbsent(EVENTS, events && !quiet ? "info" : events ? "warn" : "off");
        if (events || quiet) {
            // The text lines of the library and of the CLI, but for warnings and errors.
            setIfAbsent(MIGRATOR, "warn");
        }
        if (quiet) {
            setIfAbsent(PREFIX + "defaultLogLevel", "warn");
        }
    }

    private static String value(String[] args, Option option) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals(option.flag()) && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith(option.flag() + "=")) {
                return args[i].substring(option.flag().length() + 1);
            }
        }
        return null;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
