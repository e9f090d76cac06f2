package dev.migrator.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --metrics-file}: the run's figures in Prometheus text format, under migrator-micrometer's names. */
class CliMetricsFileIT {
    @TempDir
    Path dir;

    @Test
    void migrate_writesTheRunsMetrics_inPrometheusTextFormat() throws Exception {
        Fixtures.workspace(dir, "shop");
        Path file = dir.resolve("textfile/migrator.prom");

        CliJar.Run run = CliJar.run(dir, Map.of(), "migrate", "--url", Fixtures.h2Url(dir), "--metrics-file",
                file.toString());

        assertThat(run.exitStatus()).as("%s", run).isZero();
        String text = Files.readString(file);
        assertThat(text)
                .containsPattern("(?m)^migrator_migration_seconds_count\\{action=\"APPLY\",outcome=\"SUCCESS\","
                        + "target=\"[^\"]+\",type=\"SQL\",version=\"1\"} 1$")
                .containsPattern("(?m)^migrator_run_seconds_count\\{outcome=\"SUCCESS\",target=\"[^\"]+\"} 1$")
                .containsPattern("(?m)^migrator_pending\\{target=\"[^\"]+\"} 0$")
                .containsPattern("(?m)^migrator_version\\{target=\"[^\"]+\",version=\"3\"} 1$");
        Path promtool = Paths.get("/usr/bin/promtool");
        if (Files.isExecutable(promtool)) {
            Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(out).isZero();
        } else {
            System.err.println("SKIPPED: promtool check metrics (promtool is not installed)");
        }
    }

    @Test
    void pushgateway_receivesTheRunsMetrics_groupedByTarget_withCredentialsSentNeverPrinted() throws Exception {
        Fixtures.workspace(dir, "shop");
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + "\n"
                    + exchange.getRequestHeaders().getFirst("Authorization") + "\n"
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        gateway.start();
        try {
            String url = "http://ops:Pu5hS3cret@127.0.0.1:" + gateway.getAddress().getPort();

            CliJar.Run run = CliJar.run(dir, Map.of(), "migrate", "--url", Fixtures.h2Url(dir), "--pushgateway", url);

            assertThat(run.exitStatus()).as("%s", run).isZero();
            assertThat(run.toString()).doesNotContain("Pu5hS3cret");
            assertThat(received).hasSize(1);
            String[] request = received.get(0).split("\n", 3);
            assertThat(request[0]).startsWith("PUT /metrics/job/migrator/target@base64/");
            String target = new String(Base64.getUrlDecoder().decode(request[0].substring(request[0].lastIndexOf('/') + 1)),
                    StandardCharsets.UTF_8);
            assertThat(target).contains("H2").doesNotContain("Pu5hS3cret");
            assertThat(request[1]).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                    "ops:Pu5hS3cret".getBytes(StandardCharsets.UTF_8)));
            assertThat(request[2]).containsPattern("(?m)^migrator_run_seconds_count\\{outcome=\"SUCCESS\",target=\"[^\"]+\"} 1$");
        } finally {
            gateway.stop(0);
        }
    }

    @Test
    void pushgateway_thatIsDown_warns_andTheRunStillSucceeds() throws Exception {
        Fixtures.workspace(dir, "shop");
        HttpServer closed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int port = closed.getAddress().getPort();
        closed.stop(0);

        CliJar.Run run = CliJar.run(dir, Map.of(), "migrate", "--url", Fixtures.h2Url(dir), "--pushgateway",
                "http://127.0.0.1:" + port);

        assertThat(run.exitStatus()).as("%s", run).isZero();
        assertThat(run.stderr()).contains("Could not push the metrics to the Pushgateway at http://127.0.0.1:" + port);
    }
}
