package dev.migrator.mongo;

import dev.migrator.api.spi.HistoryRecord;
import dev.migrator.api.spi.HistoryRecord.Action;
import dev.migrator.api.spi.HistoryRecord.Outcome;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.lang.reflect.RecordComponent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HistoryDocumentTest {
    private static final HistoryRecord APPLIED = new HistoryRecord(7, "2.1", "Add email", "JSON",
            "V2_1__Add_email.json", "v1:abc", Action.APPLY, Outcome.SUCCESS, "ci", "app", "host-1", "1.0", "run-1",
            Instant.parse("2024-05-06T07:08:09.123Z"), 42, null);

    @Test
    void aDocumentHasExactlyTheFieldsOfAHistoryRecord() {
        Document document = MongoHistory.toDocument(APPLIED);

        List<String> components = Arrays.stream(HistoryRecord.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertThat(document.keySet()).containsExactlyElementsOf(components);
        assertThat(document.get("installedOn")).isEqualTo(Date.from(APPLIED.installedOn()));
        assertThat(document.get("action")).isEqualTo("APPLY");
    }

    @Test
    void aRecordSurvivesTheRoundTrip() {
        HistoryRecord repeatable = new HistoryRecord(8, null, "Views", "JAVA", "db.R__Views", null, Action.UNDO,
                Outcome.FAILED, "ci", "", "host-1", "1.0", "run-1", Instant.parse("2024-05-06T07:08:10Z"), 3,
                "at line 2: boom");

        assertThat(MongoHistory.fromDocument(MongoHistory.toDocument(APPLIED))).isEqualTo(APPLIED);
        assertThat(MongoHistory.fromDocument(MongoHistory.toDocument(repeatable))).isEqualTo(repeatable);
    }

    @Test
    void aDocumentEditedByHandIsReportedAsSuch() {
        Document edited = MongoHistory.toDocument(APPLIED).append("outcome", "DONE");

        assertThatThrownBy(() -> MongoHistory.fromDocument(edited))
                .hasMessageContaining("cannot be read").hasMessageContaining("edited by hand");
    }
}
