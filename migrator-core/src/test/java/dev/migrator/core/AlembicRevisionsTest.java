package dev.migrator.core;

import dev.migrator.api.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlembicRevisionsTest {

    private static ToolScript script(String name, String body) {
        return new ToolScript("/app/alembic/versions/" + name, body);
    }

    /** The sample project's shape: a root, two branches, their merge, and a pending revision after it. */
    private static final List<ToolScript> BRANCHED = List.of(
            script("a1_create_accounts.py", "\"\"\"create accounts\n\nRevision ID: a1\n\"\"\"\nrevision = 'a1'\n"
                    + "down_revision = None\n"),
            script("b2_add_iban.py", "\"\"\"add iban\"\"\"\nfrom typing import Union\nrevision: str = 'b2'\n"
                    + "down_revision: Union[str, None] = 'a1'\nbranch_labels = None\n"),
            script("c3_create_audit.py", "revision = \"c3\"\ndown_revision = \"a1\"  # a branch of its own\n"),
            script("d4_merge.py", "revision = 'd4'\ndown_revision = (\n    'b2',\n    'c3',\n)\n"),
            script("e5_add_closed.py", "revision = 'e5'\ndown_revision = 'd4'\n"),
            new ToolScript("/app/alembic/env.py", "from alembic import context\n"));

    @Test
    void aMergedHeadMeansBothBranchesAndTheirRootRanParentsFirst() {
        List<AlembicRevisions.Revision> ran = AlembicRevisions.read(BRANCHED).applied(List.of("d4"), "alembic_version");

        assertThat(ran).extracting(AlembicRevisions.Revision::id).containsExactly("a1", "b2", "c3", "d4");
        assertThat(ran).extracting(AlembicRevisions.Revision::description)
                .containsExactly("create accounts", "add iban", "create audit", "merge");
    }

    @Test
    void twoHeadsMeanBothBranchesRanAndTheMergeDidNot() {
        List<AlembicRevisions.Revision> ran = AlembicRevisions.read(BRANCHED).applied(List.of("c3", "b2"),
                "alembic_version");

        assertThat(ran).extracting(AlembicRevisions.Revision::id).containsExactly("a1", "b2", "c3");
    }

    @Test
    void anEmptyVersionTableMeansNothingRan() {
        assertThat(AlembicRevisions.read(BRANCHED).applied(List.of(), "alembic_version")).isEmpty();
    }

    @Test
    void aHeadWithNoScriptIsRefusedNamingItAndWhatToDo() {
        assertThatThrownBy(() -> AlembicRevisions.read(BRANCHED).applied(List.of("ff99"), "alembic_version"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).singleElement().asString()
                        .contains("alembic_version holds revision 'ff99'", "script_location"));
    }

    @Test
    void aScriptFollowingAnUnknownRevisionIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> AlembicRevisions.read(List.of(script("b2_x.py", "revision = 'b2'\n"
                + "down_revision = 'a1'\n"))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).singleElement().asString()
                        .contains("/app/alembic/versions/b2_x.py", "follows 'a1'"));
    }

    @Test
    void aComputedDownRevisionIsRefusedWithFileAndLine() {
        assertThatThrownBy(() -> AlembicRevisions.read(List.of(script("b2_x.py", "import os\nrevision = 'b2'\n"
                + "down_revision = os.environ['PREVIOUS']\n"))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems()).singleElement().asString()
                        .startsWith("/app/alembic/versions/b2_x.py:3: 'os.environ['PREVIOUS']' is not a literal")
                        .contains("a string, None, or a tuple of strings"));
    }

    @Test
    void twoScriptsWithOneIdAreRefused() {
        assertThatThrownBy(() -> AlembicRevisions.read(List.of(script("a1_x.py", "revision = 'a1'\ndown_revision = None\n"),
                script("a1_y.py", "revision = 'a1'\ndown_revision = None\n"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("is also the revision of /app/alembic/versions/a1_x.py");
    }

    @Test
    void revisionsInACircleAreRefusedRatherThanLoopingForever() {
        AlembicRevisions graph = AlembicRevisions.read(List.of(script("a1.py", "revision = 'a1'\ndown_revision = 'b2'\n"),
                script("b2.py", "revision = 'b2'\ndown_revision = 'a1'\n")));

        assertThatThrownBy(() -> graph.applied(List.of("b2"), "alembic_version"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("[a1, b2] follow one another in a circle");
    }

    @Test
    void dependsOnPullsInTheOtherBranch() {
        AlembicRevisions graph = AlembicRevisions.read(List.of(
                script("a1.py", "revision = 'a1'\ndown_revision = None\n"),
                script("x9.py", "revision = 'x9'\ndown_revision = None\n"),
                script("b2.py", "revision = 'b2'\ndown_revision = 'a1'\ndepends_on = ('x9',)\n")));

        assertThat(graph.applied(List.of("b2"), "alembic_version")).extracting(AlembicRevisions.Revision::id)
                .containsExactly("a1", "x9", "b2");
    }
}
