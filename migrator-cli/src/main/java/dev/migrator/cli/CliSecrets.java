package dev.migrator.cli;

import dev.migrator.api.internal.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every value of the command line and the environment that could be a secret, gathered before anything is parsed, so
 * that the output scrubber knows them even when parsing fails: the password (flag, file, variable), the values of
 * {@code --password-env} and {@code --password-file} themselves (a password given there by mistake, as in
 * {@code --password-env "$DB_PASSWORD"}), the passwords of the URL, and the values of placeholders whose names say
 * they are secrets ({@link Secrets#isSecretName}).
 */
final class CliSecrets {
    private CliSecrets() {
    }

    /** The secrets of a command line and environment, as typed; none is checked or read from a file here. */
    static List<String> of(String[] args, Map<String, String> env) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                continue;
            }
            int eq = arg.indexOf('=');
            String name = arg.substring(2, eq < 0 ? arg.length() : eq);
            String value = eq >= 0 ? arg.substring(eq + 1) : i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                continue;
            }
            switch (name) {
                case "password", "password-file" -> out.add(value);
                case "password-env" -> {
                    out.add(value);
                    out.add(env.get(value));
                }
                case "url", "registry-url", "url-b" -> out.addAll(urlPasswords(value));
                case "placeholder" -> out.addAll(placeholder(value));
                default -> {
                    if (Secrets.isSecretName(name)) {
                        out.add(value);
                    }
                }
            }
        }
        env.forEach((key, value) -> {
            if (key.equals(SettingsReader.DEFAULT_PASSWORD_ENV) || key.equals(Option.PASSWORD_FILE.environmentVariable())) {
                out.add(value);
            } else if (key.equals(Option.PASSWORD_ENV.environmentVariable())) {
                out.add(value);
                out.add(env.get(value));
            } else if (key.equals(Option.URL.environmentVariable())) {
                out.addAll(urlPasswords(value));
            } else if (key.startsWith(Option.ENV_PREFIX + "PLACEHOLDER_")
                    && Secrets.isSecretName(key.substring((Option.ENV_PREFIX + "PLACEHOLDER_").length()))) {
                out.add(value);
            }
        });
        out.removeIf(s -> s == null || s.isEmpty());
        return out;
    }

    /** The passwords a JDBC URL holds (a fleet target's), to scrub them as its settings' are. */
    static List<String> ofUrl(String url) {
        List<String> out = new ArrayList<>(url == null ? List.of() : urlPasswords(url));
        out.removeIf(s -> s == null || s.isEmpty());
        return out;
    }

    /** The secrets of read settings: the password, the URL's passwords, secret placeholder values. */
    static List<String> of(Settings settings) {
        // A fleet may have no --url: its targets' secrets are told by FleetCommand as it reads them.
        List<String> out = new ArrayList<>(settings.url() == null ? List.of() : urlPasswords(settings.url()));
        if (settings.password() != null) {
            out.add(settings.password().reveal());
        }
        settings.placeholders().forEach((name, value) -> {
            if (Secrets.isSecretName(name)) {
                out.add(value);
            }
        });
        out.removeIf(s -> s == null || s.isEmpty());
        return out;
    }

    /**
     * The passwords a URL holds: user-info, secret-named parameters ({@link Secrets#secretsIn}), and Oracle's
     * {@code jdbc:oracle:thin:user/password@host}.
     */
    static List<String> urlPasswords(String url) {
        List<String> out = new ArrayList<>(Secrets.secretsIn(url));
        String thin = "jdbc:oracle:thin:";
        if (url != null && url.regionMatches(true, 0, thin, 0, thin.length())) {
            int at = url.lastIndexOf('@');
            int slash = url.indexOf('/', thin.length());
            if (at > 0 && slash > 0 && slash < at) {
                out.add(url.substring(slash + 1, at));
            }
        }
        return out;
    }

    /** {@code NAME=VALUE}: the value when the name says it is a secret; the whole text when it has no {@code =}. */
    private static List<String> placeholder(String pair) {
        int eq = pair.indexOf('=');
        if (eq < 1) {
            return List.of(pair);
        }
        return Secrets.isSecretName(pair.substring(0, eq)) ? List.of(pair.substring(eq + 1)) : List.of();
    }
}
