package dev.migrator.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code --pushgateway URL}: pushes the run's figures (those of {@code --metrics-file}) to a Prometheus Pushgateway,
 * grouped by job {@code migrator} and the target, so that the runs against several databases do not replace each
 * other's figures. Credentials in the URL's user-info are sent as HTTP basic authentication and never printed. The
 * JDK's HTTP client does it: one PUT does not earn a dependency.
 */
final class Pushgateway {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final String authorization;
    private final String shown;
    private final String password;

    private Pushgateway(URI base, String authorization, String shown, String password) {
        this.base = base;
        this.authorization = authorization;
        this.shown = shown;
        this.password = password;
    }

    /** The password in the URL's user-info, to scrub from everything printed, or {@code null}. */
    String password() {
        return password;
    }

    /** Parses {@code --pushgateway}; a URL that is not http(s) is a usage error naming the option, not its secret. */
    static Pushgateway of(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new UsageException("--pushgateway is not a URL; write it as http://host:9091", null);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw new UsageException("--pushgateway must be an http or https URL such as http://pushgateway:9091",
                    null);
        }
        String auth = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            int colon = uri.getUserInfo().indexOf(':');
            password = colon < 0 ? null : uri.getUserInfo().substring(colon + 1);
            auth = "Basic " + Base64.getEncoder().encodeToString(uri.getUserInfo().getBytes(StandardCharsets.UTF_8));
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        try {
            URI base = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null);
            String shown = base + path;
            return new Pushgateway(URI.create(shown), auth, shown, password);
        } catch (URISyntaxException e) {
            throw new UsageException("--pushgateway is not a URL; write it as http://host:9091", null);
        }
    }

    /** Where the figures go, without credentials. */
    URI endpoint(String target) {
        String key = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((target == null ? "unknown" : target).getBytes(StandardCharsets.UTF_8));
        // Pushgateway's documented encoding of a label value that may hold '/': label@base64/<base64url>.
        return URI.create(base + "/metrics/job/migrator/target@base64/" + (key.isEmpty() ? "=" : key));
    }

    /**
     * Replaces the figures of this job and target (HTTP PUT). Returns {@code null} when done, else a message for
     * standard error: a metrics push that fails never changes the run's exit status.
     */
    String push(String text, String target) {
        if (text == null) {
            return null;
        }
        URI endpoint = endpoint(target);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(TIMEOUT)
                .header("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            return "The Pushgateway at " + shown + " refused the metrics with HTTP " + response.statusCode()
                    + "; the run's result stands. Check --pushgateway and the gateway's logs.";
        } catch (IOException e) {
            return "Could not push the metrics to the Pushgateway at " + shown + " (" + e.getClass().getSimpleName()
                    + "); the run's result stands. Check --pushgateway and that the gateway is reachable.";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "The metrics push to " + shown + " was interrupted; the run's result stands.";
        }
    }
}
