package com.m365console.graph;

import com.m365console.mail.Attachment;
import com.m365console.microsoft.MicrosoftEndpoints;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads a mailbox through Microsoft Graph: its folder tree and, per folder, the delta query's pages. The Graph
 * host follows the mailbox's Cloud ({@code m365.microsoft.graph-host} overrides it); links Graph hands back are
 * followed only on that host, so a stored checkpoint can never send a token elsewhere.
 */
@Component
public class GraphMailClient {

    /** The default folders whose ids Graph gives by well-known name. */
    static final List<String> WELL_KNOWN = List.of("inbox", "sentitems", "deleteditems", "junkemail", "archive");

    /** What the store keeps of an attachment: never its content. */
    private static final String ATTACHMENT_SELECT = "name,contentType,size,isInline";

    private static final String FOLDER_SELECT =
            "id,displayName,parentFolderId,childFolderCount,totalItemCount," + "unreadItemCount";

    private final MicrosoftEndpoints endpoints;
    private final GraphHttp http;
    private final GraphBatch batch;

    public GraphMailClient(
            MicrosoftEndpoints endpoints, WebClient.Builder webClientBuilder, GraphProperties properties) {
        this.endpoints = endpoints;
        this.http = new GraphHttp(webClientBuilder, properties);
        this.batch = new GraphBatch(http);
    }

    /** The mailbox's folder tree from {@code mailFolders} and {@code childFolders}, well-known folders named. */
    public Mono<List<GraphFolder>> folders(String accessToken, GraphMailbox mailbox) {
        String base = version(mailbox);
        return wellKnown(accessToken, mailbox)
                .flatMap(named -> level(accessToken, mailbox, base + mailbox.path() + "/mailFolders", "", named));
    }

    /**
     * The delta pages of one folder from the checkpoint on (none: a first round over the whole folder), in order,
     * one request at a time, each after the previous page came; the flux ends with the page that completes the round.
     */
    public Flux<DeltaPage> delta(
            String accessToken, GraphMailbox mailbox, String folderId, DeltaCheckpoint checkpoint) {
        return Flux.defer(() -> {
            URI first = checkpoint == null
                    ? URI.create(version(mailbox) + mailbox.path() + "/mailFolders/" + segment(folderId)
                            + "/messages/delta?$select=" + GraphMessages.SELECT)
                    : onGraphHost(mailbox, checkpoint.url());
            return page(first, accessToken, mailbox)
                    .expand(page -> page.last()
                            ? Mono.empty()
                            : page(onGraphHost(mailbox, page.next().url()), accessToken, mailbox));
        });
    }

    /**
     * The attachments (name, type, size, inline; never their content) of the given messages by message id, asked in
     * {@code $batch} requests of up to 20 messages; a message Graph no longer has is left out.
     */
    public Mono<Map<String, List<Attachment>>> attachments(
            String accessToken, GraphMailbox mailbox, List<String> messageIds) {
        URI batchUri = URI.create(version(mailbox) + "/$batch");
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < messageIds.size(); from += GraphBatch.MAX_STEPS) {
            chunks.add(messageIds.subList(from, Math.min(messageIds.size(), from + GraphBatch.MAX_STEPS)));
        }
        return Flux.fromIterable(chunks)
                .concatMap(chunk -> attachmentsOf(batchUri, accessToken, mailbox, chunk))
                .collect(HashMap<String, List<Attachment>>::new, Map::putAll)
                .map(Map::copyOf);
    }

    private Mono<Map<String, List<Attachment>>> attachmentsOf(
            URI batchUri, String accessToken, GraphMailbox mailbox, List<String> messageIds) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (int i = 0; i < messageIds.size(); i++) {
            urls.put(
                    String.valueOf(i),
                    mailbox.path() + "/messages/" + segment(messageIds.get(i)) + "/attachments?$select="
                            + ATTACHMENT_SELECT);
        }
        return batch.get(batchUri, accessToken, urls).map(steps -> {
            Map<String, List<Attachment>> byMessage = new HashMap<>();
            for (int i = 0; i < messageIds.size(); i++) {
                GraphBatch.Step step = steps.get(String.valueOf(i));
                if (step == null || step.status() == 404) {
                    continue;
                }
                if (step.status() != 200) {
                    throw GraphErrors.fromResponse(step.status(), step.body(), step.retryAfter());
                }
                List<Attachment> list = new ArrayList<>();
                for (JsonNode a : step.body().path("value")) {
                    list.add(new Attachment(
                            a.path("name").asString(null),
                            a.path("contentType").asString(null),
                            a.path("size").asLong(0),
                            a.path("isInline").asBoolean(false)));
                }
                byMessage.put(messageIds.get(i), List.copyOf(list));
            }
            return byMessage;
        });
    }

    private Mono<DeltaPage> page(URI uri, String accessToken, GraphMailbox mailbox) {
        String prefer = "odata.maxpagesize=" + http.properties().messagePageSize();
        return http.get(uri, accessToken, prefer).map(body -> {
            List<GraphMessage> messages = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (JsonNode entry : body.path("value")) {
                if (entry.has("@removed")) {
                    removed.add(entry.path("id").asString());
                } else {
                    messages.add(GraphMessages.read(entry));
                }
            }
            DeltaCheckpoint next;
            if (body.hasNonNull("@odata.nextLink")) {
                next = new DeltaCheckpoint(body.get("@odata.nextLink").asString(), false);
            } else if (body.hasNonNull("@odata.deltaLink")) {
                next = new DeltaCheckpoint(body.get("@odata.deltaLink").asString(), true);
            } else {
                throw new GraphException(
                        GraphFailure.OTHER,
                        200,
                        null,
                        "A delta page had neither @odata.nextLink nor @odata.deltaLink",
                        null,
                        null,
                        null);
            }
            onGraphHost(mailbox, next.url());
            return new DeltaPage(List.copyOf(messages), List.copyOf(removed), next);
        });
    }

    private Mono<Map<String, String>> wellKnown(String accessToken, GraphMailbox mailbox) {
        Map<String, String> urls = new LinkedHashMap<>();
        WELL_KNOWN.forEach(name -> urls.put(name, mailbox.path() + "/mailFolders/" + name + "?$select=id"));
        return batch.get(URI.create(version(mailbox) + "/$batch"), accessToken, urls)
                .map(steps -> {
                    Map<String, String> byId = new HashMap<>();
                    for (String name : WELL_KNOWN) {
                        GraphBatch.Step step = steps.get(name);
                        if (step == null || step.status() == 404) {
                            continue;
                        }
                        if (step.status() != 200) {
                            throw GraphErrors.fromResponse(step.status(), step.body(), step.retryAfter());
                        }
                        byId.put(step.body().path("id").asString(), name);
                    }
                    return byId;
                });
    }

    private Mono<List<GraphFolder>> level(
            String accessToken, GraphMailbox mailbox, String collection, String parentPath, Map<String, String> named) {
        URI first =
                URI.create(collection + "?$top=" + http.properties().folderPageSize() + "&$select=" + FOLDER_SELECT);
        return http.get(first, accessToken, null)
                .expand(page -> page.hasNonNull("@odata.nextLink")
                        ? http.get(
                                onGraphHost(mailbox, page.get("@odata.nextLink").asString()), accessToken, null)
                        : Mono.empty())
                .flatMapIterable(page -> page.path("value"))
                .flatMapSequential(
                        node -> {
                            String id = node.path("id").asString();
                            String name = node.path("displayName").asString();
                            String path = parentPath.isEmpty() ? name : parentPath + "/" + name;
                            Mono<List<GraphFolder>> children =
                                    node.path("childFolderCount").asInt() > 0
                                            ? level(
                                                    accessToken,
                                                    mailbox,
                                                    version(mailbox) + mailbox.path() + "/mailFolders/" + segment(id)
                                                            + "/childFolders",
                                                    path,
                                                    named)
                                            : Mono.just(List.of());
                            return children.map(kids -> new GraphFolder(
                                    id,
                                    node.path("parentFolderId").asString(null),
                                    name,
                                    path,
                                    named.get(id),
                                    node.path("totalItemCount").asInt(),
                                    node.path("unreadItemCount").asInt(),
                                    kids));
                        },
                        4)
                .collectList();
    }

    private String version(GraphMailbox mailbox) {
        return endpoints.graphApi(mailbox.cloud());
    }

    /** A link from Graph (or stored from it) as a URI, refused unless it is on this cloud's Graph host. */
    private URI onGraphHost(GraphMailbox mailbox, String link) {
        String prefix = version(mailbox) + "/";
        if (link == null || !link.startsWith(prefix)) {
            throw new GraphException(
                    GraphFailure.RESYNC_NEEDED,
                    0,
                    null,
                    "The stored delta link is not on this cloud's Microsoft Graph host ("
                            + endpoints.graphHost(mailbox.cloud()) + ")",
                    null,
                    null,
                    null);
        }
        return URI.create(link);
    }

    private static String segment(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
