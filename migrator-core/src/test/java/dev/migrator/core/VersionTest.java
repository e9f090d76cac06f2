package dev.migrator.core;

import dev.migrator.api.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersionTest {

    @Test
    void partsCompareNumerically_notAsText() {
        assertThat(Version.parse("2")).isLessThan(Version.parse("10"));
        assertThat(Version.parse("1.9")).isLessThan(Version.parse("1.10"));
        assertThat(Version.parse("1.2.3")).isGreaterThan(Version.parse("1.2"));
        assertThat(Version.parse("20261124093000")).isGreaterThan(Version.parse("9"));
    }

    @Test
    void underscoreReadsAsDot_andTrailingZerosDoNotCount() {
        assertThat(Version.parse("2_1")).isEqualTo(Version.parse("2.1"));
        assertThat(Version.parse("2_1").toString()).isEqualTo("2.1");
        assertThat(Version.parse("1")).isEqualTo(Version.parse("1.0")).hasSameHashCodeAs(Version.parse("1.0.0"));
        assertThat(Version.parse("01")).isEqualTo(Version.parse("1"));
    }

    @Test
    void notAVersion_isRefusedWithAnExample() {
        assertThatThrownBy(() -> Version.parse("1.a")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("such as 2.1");
        assertThatThrownBy(() -> Version.parse("1..2")).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> Version.parse("")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void sortingRandomVersions_agreesWithPartByPartComparison() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<List<Integer>> parts = new ArrayList<>();
            List<Version> versions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                List<Integer> p = new ArrayList<>();
                int n = 1 + random.nextInt(4);
                for (int j = 0; j < n; j++) {
                    p.add(random.nextInt(12));
                }
                parts.add(p);
                versions.add(Version.parse(String.join(".", p.stream().map(String::valueOf).toList())));
            }
            for (int i = 0; i < parts.size(); i++) {
                for (int j = 0; j < parts.size(); j++) {
                    assertThat(Integer.signum(versions.get(i).compareTo(versions.get(j))))
                            .isEqualTo(Integer.signum(compare(parts.get(i), parts.get(j))));
                }
            }
            List<Version> shuffled = new ArrayList<>(versions);
            Collections.shuffle(shuffled, random);
            Collections.sort(shuffled);
            for (int i = 1; i < shuffled.size(); i++) {
                assertThat(shuffled.get(i - 1)).isLessThanOrEqualTo(shuffled.get(i));
            }
        }
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
