package com.m365console.graph;

import com.m365console.microsoft.MicrosoftEndpoints;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph change notifications on a mailbox's inbox ({@code POST /subscriptions}, renewed with {@code PATCH}, ended
 * with {@code DELETE}): Graph calls the notification URL with a {@code validationToken} while creating one, then
 * with each change, carrying the client state given here so the receiver can tell Graph's calls from forged ones.
 */
@Component
public class GraphSubscriptions {

    /** New, changed and deleted messages: new mail, read-state changes and deletions each push a delta run. */
    static final String CHANGE_TYPES = "created,updated,deleted";

    private final MicrosoftEndpoints endpoints;
    private final GraphHttp http;

    public GraphSubscriptions(
            MicrosoftEndpoints endpoints, WebClient.Builder webClientBuilder, GraphProperties properties) {
        this.endpoints = endpoints;
        this.http = new GraphHttp(webClientBuilder, properties);
    }

    /** Subscribes to changes of the mailbox's inbox until {@code expiresAt} (Graph may answer with an earlier end). */
    public Mono<GraphSubscription> create(
            String accessToken,
            GraphMailbox mailbox,
            URI notificationUrl,
            URI lifecycleNotificationUrl,
            String clientState,
            OffsetDateTime expiresAt) {
        ObjectNode body = http.json().createObjectNode();
        body.put("changeType", CHANGE_TYPES);
        body.put("notificationUrl", notificationUrl.toString());
        body.put("lifecycleNotificationUrl", lifecycleNotificationUrl.toString());
        body.put("resource", inboxMessages(mailbox));
        body.put("expirationDateTime", format(expiresAt));
        body.put("clientState", clientState);
        return http.postOnce(URI.create(base(mailbox) + "/subscriptions"), accessToken, body)
                .map(GraphSubscriptions::subscription);
    }

    /** Moves the subscription's end to {@code expiresAt}; also what {@code reauthorizationRequired} asks for. */
    public Mono<GraphSubscription> renew(
            String accessToken, GraphMailbox mailbox, String subscriptionId, OffsetDateTime expiresAt) {
        ObjectNode body = http.json().createObjectNode();
        body.put("expirationDateTime", format(expiresAt));
        return http.patch(uri(mailbox, subscriptionId), accessToken, body).map(GraphSubscriptions::subscription);
    }

    /** Ends the subscription; one Graph no longer has counts as ended. */
    public Mono<Void> delete(String accessToken, GraphMailbox mailbox, String subscriptionId) {
        return http.delete(uri(mailbox, subscriptionId), accessToken)
                .onErrorResume(
                        GraphException.class,
                        failure -> failure.failure() == GraphFailure.NOT_FOUND ? Mono.empty() : Mono.error(failure))
                .then();
    }

    /** The resource path Graph watches: the inbox's messages, of {@code me} or of the mailbox named by address. */
    static String inboxMessages(GraphMailbox mailbox) {
        return mailbox.path().substring(1) + "/mailFolders('inbox')/messages";
    }

    private URI uri(GraphMailbox mailbox, String subscriptionId) {
        return URI.create(
                base(mailbox) + "/subscriptions/" + UriUtils.encodePathSegment(subscriptionId, StandardCharsets.UTF_8));
    }

    private String base(GraphMailbox mailbox) {
        return endpoints.graphApi(mailbox.cloud());
    }

    private static GraphSubscription subscription(JsonNode body) {
        String id = body.path("id").asString(null);
        String expires = body.path("expirationDateTime").asString(null);
        if (id == null || expires == null) {
            throw new GraphException(
                    GraphFailure.OTHER, 0, null, "a subscription answer without its id or end", null, null, null);
        }
        return new GraphSubscription(id, OffsetDateTime.parse(expires));
    }

    private static String format(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
