package dev.migrator.jdbc.internal;

import dev.migrator.api.internal.Secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A connection URL as it may be shown: taken apart, then put back together without its password (URL user-info,
 * Oracle's {@code user/password@}, and every parameter whose name says it is a secret) and without the switches a
 * driver needs but the user never wrote ({@code permitMysqlScheme}). Never by replacing the password's value in the
 * text: a password {@code idle} must not turn a user {@code idle_r} into {@code ****_r}.
 */
public final class JdbcUrls {
    /** Parameters added for a driver's sake, not the user's: not shown. */
    private static final Set<String> DRIVER_ONLY = Set.of("permitmysqlscheme");

    private JdbcUrls() {
    }

    /** The URL without its credentials and driver-only switches; {@code null} for {@code null}. */
    public static String describe(String url) {
        if (url == null) {
            return null;
        }
        String rest = withoutUserInfo(url);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        StringBuilder out = new StringBuilder();
        List<String> segments = split(rest, ';');
        out.append(segments.get(0));
        for (String p : segments.subList(1, segments.size())) {
            if (shown(p)) {
                out.append(';').append(p);
            }
        }
        if (query != null) {
            List<String> kept = new ArrayList<>();
            for (String p : query.split("&", -1)) {
                if (!p.isEmpty() && shown(p)) {
                    kept.add(p);
                }
            }
            if (!kept.isEmpty()) {
                out.append('?').append(String.join("&", kept));
            }
        }
        return out.toString();
    }

    /** The passwords a URL holds (user-info, Oracle's, secret-named parameters): to scrub from driver messages. */
    public static List<String> passwords(String url) {
        List<String> found = new ArrayList<>(Secrets.secretsIn(url));
        String oracle = oraclePassword(url);
        if (oracle != null) {
            found.add(oracle);
        }
        return found;
    }

    private static boolean shown(String parameter) {
        int eq = parameter.indexOf('=');
        String name = (eq < 0 ? parameter : parameter.substring(0, eq)).trim();
        return !Secrets.isSecretName(name) && !DRIVER_ONLY.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code scheme://user:password@host} to {@code scheme://user@host}; Oracle's {@code user/password@} likewise. */
    private static String withoutUserInfo(String url) {
        String oracle = oraclePassword(url);
        if (oracle != null) {
            int at = url.indexOf("/" + oracle + "@");
            return url.substring(0, at) + url.substring(at + 1 + oracle.length());
        }
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int colon = -1;
        int lastAt = -1;
        for (int i = start; i < url.length(); i++) {
            char c = url.charAt(i);
            if (Character.isWhitespace(c) || (lastAt >= 0 && (c == '/' || c == '?' || c == '#'))) {
                break;
            }
            if (c == ':' && colon < 0 && lastAt < 0) {
                colon = i;
            } else if (c == '@') {
                lastAt = i;
            } else if (lastAt < 0 && colon < 0 && (c == '/' || c == '?')) {
                return url;
            }
        }
        if (lastAt < 0 || colon < 0 || colon > lastAt) {
            return url;
        }
        return url.substring(0, colon) + url.substring(lastAt);
    }

    /** The password of {@code jdbc:oracle:thin:user/password@host...}, or {@code null}. */
    private static String oraclePassword(String url) {
        String prefix = "jdbc:oracle:thin:";
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        int at = url.lastIndexOf('@');
        int slash = url.indexOf('/', prefix.length());
        if (at < 0 || slash < 0 || slash > at) {
            return null;
        }
        return url.substring(slash + 1, at);
    }

    /** Splits at {@code separator} outside {@code {...}} (SQL Server quotes values with braces). */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }
}
