package dev.migrator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of {@code deploy/kubernetes}: every migrator container runs a command line this CLI
 * accepts, reads its password from a Secret, asks for resources and runs as non-root; the Indexed Job's shards
 * match its completions. (kubectl cannot validate offline: its client dry run needs a cluster.)
 */
class DeployManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path DEPLOY = Paths.get(System.getProperty("migrator.docs.dir", "../docs"))
            .resolve("../deploy/kubernetes").normalize();

    @TempDir
    Path dir;

    private static List<JsonNode> documents() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    docs.readAll().forEach(out::add);
                }
            }
        }
        return out;
    }

    /** Every container running the migrator image, with the pod spec that holds it. */
    private static List<JsonNode[]> migratorContainers() throws IOException {
        List<JsonNode[]> out = new ArrayList<>();
        for (JsonNode doc : documents()) {
            JsonNode pod = doc.at("/spec/template/spec");
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : pod.path(list)) {
                    if (c.path("image").asText().startsWith("migrator-cli:")) {
                        out.add(new JsonNode[]{doc, pod, c});
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theManifests_holdAnInitContainer_aJob_andAnIndexedJob() throws IOException {
        List<String> kinds = documents().stream().map(d -> d.get("kind").asText() + " " + d.at("/metadata/name").asText())
                .toList();

        assertThat(kinds).contains("Deployment orders", "Job migrator-migrate", "Job migrator-fleet",
                "ConfigMap migrator-tenants");
        assertThat(migratorContainers()).hasSize(3);
    }

    @Test
    void everyMigratorContainer_runsACommandLineTheCliAccepts_safely() throws IOException {
        for (JsonNode[] found : migratorContainers()) {
            JsonNode pod = found[1];
            JsonNode container = found[2];
            List<String> args = new ArrayList<>();
            container.get("args").forEach(a -> args.add(a.asText().replace("$(JOB_COMPLETION_INDEX)", "0")));

            Arguments parsed = Arguments.parse(args.toArray(String[]::new));

            assertThat(parsed.command()).as("%s", args).isNotNull();
            assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
            assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            String secrets = container.path("env").toString() + pod.path("volumes");
            assertThat(secrets).containsAnyOf("secretKeyRef", "\"secret\"");
            assertThat(String.join(" ", args)).doesNotContain("--password ");
        }
    }

    @Test
    void theIndexedJob_hasAsManyCompletionsAsShards_andEveryTenantFallsInOne() throws Exception {
        JsonNode job = documents().stream().filter(d -> d.at("/metadata/name").asText().equals("migrator-fleet"))
                .findFirst().orElseThrow();
        JsonNode tenants = documents().stream().filter(d -> d.at("/metadata/name").asText().equals("migrator-tenants"))
                .findFirst().orElseThrow();
        List<String> args = new ArrayList<>();
        job.at("/spec/template/spec/containers/0/args").forEach(a -> args.add(a.asText()));
        String shard = args.get(args.indexOf("--shard") + 1);
        int count = job.at("/spec/completions").asInt();

        assertThat(job.at("/spec/completionMode").asText()).isEqualTo("Indexed");
        assertThat(shard).isEqualTo("$(JOB_COMPLETION_INDEX)/" + count);
        assertThat(job.at("/spec/parallelism").asInt()).isEqualTo(count);
        assertThat(job.at("/spec/template/spec/containers/0/env/0/valueFrom/fieldRef/fieldPath").asText())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");

        Path file = dir.resolve("tenants.yaml");
        Files.writeString(file, tenants.at("/data/tenants.yaml").asText());
        List<FleetTargets.Entry> entries = FleetTargets.fromFile(file, new FleetTargets.Defaults(null, null, null),
                Map.of("TENANTS_PASSWORD", "x"));
        List<String> covered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FleetTargets.shard(entries, i, count).forEach(e -> covered.add(e.name()));
        }
        assertThat(covered).containsExactlyInAnyOrder("acme", "globex", "initech", "umbrella");
    }
}
