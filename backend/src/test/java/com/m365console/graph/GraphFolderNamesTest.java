package com.m365console.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules mapping Graph's folder tree onto stored full names, apart from any server or database. */
class GraphFolderNamesTest {

    static GraphFolder folder(String id, String path, String wellKnown, GraphFolder... children) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return new GraphFolder(id, null, name, path, wellKnown, 0, 0, List.of(children));
    }

    final GraphFolder projects2026 = folder("p26", "Inbox/Projects/2026", null);
    final GraphFolder projects = folder("p", "Inbox/Projects", null, projects2026);
    final GraphFolder inbox = folder("i", "Inbox", "inbox", projects);
    final GraphFolder sent = folder("s", "Sent Items", "sentitems");
    final GraphFolder travel = folder("t", "Travel", null, folder("t1", "Travel/Visa", null));
    final List<GraphFolder> tree = List.of(inbox, sent, travel);

    @Test
    void theInboxIsStoredAsInboxAndEveryOtherFolderByItsPath() {
        assertThat(GraphFolderNames.fullName(inbox)).isEqualTo("INBOX");
        assertThat(GraphFolderNames.fullName(projects)).isEqualTo("Inbox/Projects");
        assertThat(GraphFolderNames.fullName(projects2026)).isEqualTo("Inbox/Projects/2026");
        assertThat(GraphFolderNames.fullName(sent)).isEqualTo("Sent Items");
        assertThat(GraphFolderNames.fullName(travel.children().get(0))).isEqualTo("Travel/Visa");
    }

    @Test
    void selectedNamesFindTheirFoldersWithInboxInAnyCaseAndKeepTheirOrder() {
        Map<String, GraphFolder> found = GraphFolderNames.resolve(
                List.of("Travel/Visa", "INBOX", "INBOX/Projects", "inbox/Projects/2026", "Sent Items", "Inbox"), tree);

        assertThat(found.keySet())
                .containsExactly(
                        "Travel/Visa", "INBOX", "INBOX/Projects", "inbox/Projects/2026", "Sent Items", "Inbox");
        assertThat(found.get("INBOX")).isSameAs(inbox);
        assertThat(found.get("Inbox")).isSameAs(inbox);
        assertThat(found.get("INBOX/Projects")).isSameAs(projects);
        assertThat(found.get("inbox/Projects/2026")).isSameAs(projects2026);
        assertThat(found.get("Sent Items")).isSameAs(sent);
        assertThat(found.get("Travel/Visa").id()).isEqualTo("t1");
    }

    @Test
    void aLocalisedInboxIsFoundByInboxAndByItsOwnName() {
        GraphFolder projekte = folder("pr", "Posteingang/Projekte", null);
        GraphFolder posteingang = folder("i", "Posteingang", "inbox", projekte);

        Map<String, GraphFolder> found = GraphFolderNames.resolve(
                List.of("INBOX", "INBOX/Projekte", "Posteingang/Projekte"), List.of(posteingang));

        assertThat(found)
                .containsOnly(
                        Map.entry("INBOX", posteingang),
                        Map.entry("INBOX/Projekte", projekte),
                        Map.entry("Posteingang/Projekte", projekte));
        assertThat(GraphFolderNames.fullName(posteingang)).isEqualTo("INBOX");
    }

    @Test
    void namesTheMailboxDoesNotHaveAreLeftOutAndOnlyTheInboxIgnoresCase() {
        Map<String, GraphFolder> found =
                GraphFolderNames.resolve(List.of("Archive", "travel", "INBOX/Typo", "Sent Items/"), tree);

        assertThat(found).isEmpty();
    }

    @Test
    void aFolderNamedInboxOutsideTheInboxIsNotTheInbox() {
        GraphFolder other = folder("x", "Inbox", null);

        assertThat(GraphFolderNames.resolve(List.of("INBOX"), List.of(other))).isEmpty();
        assertThat(GraphFolderNames.resolve(List.of("Inbox"), List.of(other))).containsOnlyKeys("Inbox");
        assertThat(GraphFolderNames.fullName(other)).isEqualTo("Inbox");
    }
}
