package com.m365console.testsupport.microsoft.graph;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code GET .../mailFolders/{id}/messages/delta}, as "Get incremental changes to messages in a folder" describes
 * it: the first round lists the folder's messages in pages ({@code $select} kept in the state tokens), linked by
 * {@code @odata.nextLink} ({@code $skiptoken}); the last page carries {@code @odata.deltaLink} ({@code $deltatoken}),
 * which later gives only what changed since: messages added or updated in full, deleted or moved out as
 * {@code @removed}. A link may be followed again (a retry gets the same page). Tokens issued before
 * {@link #expire()} answer 410 Gone with {@code SyncStateNotFound}.
 */
final class DeltaRoute {

    private static final int DEFAULT_PAGE = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a round stands: the entries still to give, and the change number the round's delta token will carry. */
    private record Round(
            String mailbox, String folderId, Set<String> select, List<String> entries, long upTo, int generation) {}

    private final String authority;
    private final Map<String, Round> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger();

    DeltaRoute(String authority) {
        this.authority = authority;
    }

    /** Every skip and delta token issued so far stops working, as when Exchange drops its sync state. */
    void expire() {
        generation.incrementAndGet();
    }

    GraphResponse delta(MailboxTarget target, String folderKey, GraphRequest request) throws GraphRefusal {
        FakeMailbox mailbox = target.mailbox();
        mailbox.deltaRequested();
        StoredFolder folder =
                mailbox.folder(folderKey).orElseThrow(() -> new GraphRefusal(GraphErrorJson.notFound(request)));
        String skip = request.query().get("$skiptoken");
        String delta = request.query().get("$deltatoken");
        Round round;
        if (skip != null || delta != null) {
            Round known = tokens.get(skip != null ? skip : delta);
            if (known == null || known.generation() != generation.get()) {
                throw new GraphRefusal(GraphErrorJson.error(
                        410,
                        "SyncStateNotFound",
                        "The sync state is not found. The delta token is expired or invalid; synchronize the folder "
                                + "again from the start.",
                        request));
            }
            if (!known.mailbox().equals(mailbox.address()) || !known.folderId().equals(folder.id())) {
                throw new GraphRefusal(
                        GraphErrorJson.badRequest("The state token belongs to another folder.", request));
            }
            round = skip != null
                    ? known
                    : new Round(
                            known.mailbox(),
                            known.folderId(),
                            known.select(),
                            mailbox.changedSince(folder.id(), known.upTo()),
                            mailbox.sequence(),
                            known.generation());
        } else {
            round = new Round(
                    mailbox.address(),
                    folder.id(),
                    GraphJson.select(request.query().get("$select")),
                    mailbox.messageIds(folder.id()),
                    mailbox.sequence(),
                    generation.get());
        }
        int size = Paging.preferred(request).orElse(DEFAULT_PAGE);
        List<String> page =
                round.entries().subList(0, Math.min(size, round.entries().size()));
        List<Map<String, Object>> value = new ArrayList<>();
        for (String id : page) {
            value.add(mailbox.message(id)
                    .filter(m -> m.folderId().equals(folder.id()))
                    .map(m -> GraphJson.message(m, round.select()))
                    .orElseGet(() -> GraphJson.removed(id)));
        }
        List<String> rest =
                List.copyOf(round.entries().subList(page.size(), round.entries().size()));
        String link = authority + "/v1.0/" + target.segment() + "/mailFolders('" + folder.id() + "')/messages/delta?";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("@odata.context", authority + "/v1.0/$metadata#Collection(message)");
        if (rest.isEmpty()) {
            String token = issue(new Round(
                    round.mailbox(), round.folderId(), round.select(), List.of(), round.upTo(), round.generation()));
            body.put("@odata.deltaLink", link + "$deltatoken=" + token);
        } else {
            String token = issue(new Round(
                    round.mailbox(), round.folderId(), round.select(), rest, round.upTo(), round.generation()));
            body.put("@odata.nextLink", link + "$skiptoken=" + token);
        }
        body.put("value", value);
        return Paging.applied(GraphResponse.ok(body), request);
    }

    private String issue(Round round) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(token, round);
        return token;
    }
}
