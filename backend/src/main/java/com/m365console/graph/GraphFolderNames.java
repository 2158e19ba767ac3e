package com.m365console.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How Graph's folder tree maps onto the stored folders' full names, so a mailbox shows the same folders over IMAP
 * and Graph, and a switched mailbox keeps its stored ones. A Graph folder's full name is its path of display names
 * from the top, joined by {@code /} (as Exchange's IMAP lists them: {@code Inbox/Projects}, {@code Sent Items}),
 * except the well-known inbox itself, which is {@code INBOX}, IMAP's name for it in every language. A selected name
 * whose first segment is {@code INBOX} in any case names the inbox's folders whatever the inbox's display name is
 * ({@code INBOX/Projects}, {@code Inbox/Projects} and, in a German mailbox, {@code Posteingang/Projects} are one).
 * Used by Graph runs to find the selected folders, and by the folder picker and folder choice of a Graph mailbox,
 * which offer and accept the names this stores.
 */
public final class GraphFolderNames {

    public static final String INBOX = "INBOX";
    private static final String WELL_KNOWN_INBOX = "inbox";

    private GraphFolderNames() {}

    /** The full name a Graph folder is stored and shown under. */
    public static String fullName(GraphFolder folder) {
        return WELL_KNOWN_INBOX.equals(folder.wellKnownName()) ? INBOX : folder.path();
    }

    /** The Graph folder each selected full name names, in the order selected; names without one are left out. */
    public static Map<String, GraphFolder> resolve(List<String> selected, List<GraphFolder> roots) {
        Map<String, GraphFolder> byKey = new HashMap<>();
        for (GraphFolder root : roots) {
            boolean inbox = WELL_KNOWN_INBOX.equals(root.wellKnownName());
            root.withDescendants().forEach(folder -> {
                byKey.putIfAbsent(folder.path(), folder);
                if (inbox) {
                    byKey.put(INBOX + folder.path().substring(root.path().length()), folder);
                }
            });
        }
        Map<String, GraphFolder> resolved = new LinkedHashMap<>();
        for (String name : selected) {
            GraphFolder folder = byKey.get(key(name));
            if (folder == null) {
                folder = byKey.get(name);
            }
            if (folder != null) {
                resolved.put(name, folder);
            }
        }
        return resolved;
    }

    /** A selected name with its first segment spelt {@code INBOX} when it names the inbox in another case. */
    private static String key(String name) {
        int slash = name.indexOf('/');
        String first = slash < 0 ? name : name.substring(0, slash);
        return first.toUpperCase(Locale.ROOT).equals(INBOX) ? INBOX + name.substring(first.length()) : name;
    }
}
