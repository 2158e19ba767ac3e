package com.m365console.testsupport.microsoft.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graph's {@code /subscriptions} for messages, as documented ("Create subscription", "Change notifications for
 * Outlook resources", "Lifecycle notifications"): created only for an HTTPS notification URL that answers the
 * validation request (and the lifecycle URL too), for at most 10,080 minutes; renewed with PATCH, ended with DELETE.
 * Each change to a watched folder's messages is posted with the subscription's client state, while the subscription
 * lives and is not waiting for reauthorization.
 */
final class SubscriptionRoute {

    static final Duration LONGEST = Duration.ofMinutes(10_080);
    private static final Pattern RESOURCE =
            Pattern.compile("^/?(me|users/([^/()]+))/mailfolders\\('([^']+)'\\)/messages$", Pattern.CASE_INSENSITIVE);

    private final JsonMapper json;
    private final Notifier notifier = new Notifier();
    private final Map<String, FakeSubscription> subscriptions = new ConcurrentHashMap<>();

    SubscriptionRoute(JsonMapper json) {
        this.json = json;
    }

    /** The mailbox and folder a create request's resource names, as {@code users/{address}} or {@code me}. */
    record Watched(String user, String folder) {}

    static Watched watched(GraphRequest request, JsonNode body) throws GraphRefusal {
        String resource = text(body, "resource");
        Matcher matcher = resource == null ? null : RESOURCE.matcher(resource);
        if (matcher == null || !matcher.matches()) {
            throw new GraphRefusal(GraphErrorJson.error(
                    400, "InvalidRequest", "Resource '" + resource + "' is not supported.", request));
        }
        return new Watched(matcher.group(2) == null ? null : Urls.decode(matcher.group(2)), matcher.group(3));
    }

    static JsonNode body(JsonMapper json, GraphRequest request) throws GraphRefusal {
        try {
            return json.readTree(request.body() == null ? "" : request.body());
        } catch (RuntimeException notJson) {
            throw new GraphRefusal(GraphErrorJson.badRequest("Invalid JSON in the request body.", request));
        }
    }

    GraphResponse create(MailboxTarget target, Watched watched, JsonNode body, GraphRequest request)
            throws GraphRefusal {
        String notificationUrl = text(body, "notificationUrl");
        String lifecycleUrl = text(body, "lifecycleNotificationUrl");
        String changeType = text(body, "changeType");
        String clientState = text(body, "clientState");
        if (notificationUrl == null || !notificationUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw new GraphRefusal(GraphErrorJson.badRequest("The Notification Url must be https.", request));
        }
        if (lifecycleUrl != null && !lifecycleUrl.toLowerCase(Locale.ROOT).startsWith("https://")) {
            throw new GraphRefusal(GraphErrorJson.badRequest("The Lifecycle Notification Url must be https.", request));
        }
        if (changeType == null || changeType.isBlank()) {
            throw new GraphRefusal(GraphErrorJson.badRequest("changeType is required.", request));
        }
        if (clientState != null && clientState.length() > 128) {
            throw new GraphRefusal(GraphErrorJson.badRequest("clientState is longer than 128 characters.", request));
        }
        Instant expires = expiration(body, request);
        String folderId = target.mailbox()
                .folder(watched.folder())
                .orElseThrow(() -> new GraphRefusal(GraphErrorJson.notFound(request)))
                .id();
        for (String url : lifecycleUrl == null ? List.of(notificationUrl) : List.of(notificationUrl, lifecycleUrl)) {
            String failure = notifier.validate(url);
            if (failure != null) {
                throw new GraphRefusal(GraphErrorJson.error(
                        400,
                        "ValidationError",
                        "Subscription validation request failed. Notification endpoint must respond with 200 OK to"
                                + " validation request: " + failure,
                        request));
            }
        }
        FakeSubscription subscription = new FakeSubscription(
                UUID.randomUUID().toString(),
                target.mailbox().address(),
                folderId,
                text(body, "resource"),
                changeType,
                notificationUrl,
                lifecycleUrl,
                clientState,
                expires,
                false);
        subscriptions.put(subscription.id(), subscription);
        target.mailbox().listen(this::changed);
        return new GraphResponse(201, new LinkedHashMap<>(), view(subscription));
    }

    GraphResponse renew(String id, JsonNode body, GraphRequest request) throws GraphRefusal {
        FakeSubscription subscription = existing(id, request);
        FakeSubscription renewed = subscription.renewed(expiration(body, request));
        subscriptions.put(id, renewed);
        return GraphResponse.ok(view(renewed));
    }

    GraphResponse delete(String id, GraphRequest request) throws GraphRefusal {
        existing(id, request);
        subscriptions.remove(id);
        return new GraphResponse(204, new LinkedHashMap<>(), null);
    }

    /** The live subscriptions on this mailbox. */
    List<FakeSubscription> of(String address) {
        return subscriptions.values().stream()
                .filter(s ->
                        s.address().equalsIgnoreCase(address) && s.expiresAt().isAfter(Instant.now()))
                .toList();
    }

    void endAll(String address) {
        subscriptions.values().removeIf(s -> s.address().equalsIgnoreCase(address));
    }

    /** Posts a lifecycle event to the subscription's lifecycle URL; {@code subscriptionRemoved} also ends it. */
    void lifecycle(String id, String event) {
        FakeSubscription subscription = subscriptions.get(id);
        if (subscription == null || subscription.lifecycleNotificationUrl() == null) {
            throw new IllegalArgumentException("No subscription " + id + " with a lifecycle URL");
        }
        switch (event) {
            case "subscriptionRemoved" -> subscriptions.remove(id);
            case "reauthorizationRequired" -> subscriptions.put(id, subscription.waitingForReauthorization());
            case "missed" -> {}
            default -> throw new IllegalArgumentException("No lifecycle event " + event);
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("subscriptionId", id);
        item.put("subscriptionExpirationDateTime", subscription.expiresAt().toString());
        item.put(
                "tenantId",
                UUID.nameUUIDFromBytes(subscription.address().getBytes()).toString());
        item.put("clientState", subscription.clientState());
        item.put("lifecycleEvent", event);
        notifier.post(subscription.lifecycleNotificationUrl(), json.writeValueAsString(Map.of("value", List.of(item))));
    }

    /** Posts a change notification that claims to be for this subscription but carries another client state. */
    void forge(String id, String clientState) {
        FakeSubscription subscription = subscriptions.get(id);
        notifier.post(
                subscription.notificationUrl(),
                json.writeValueAsString(
                        Map.of("value", List.of(change(subscription, "created", "forged", clientState)))));
    }

    List<Notifier.Delivery> delivered() {
        return notifier.delivered();
    }

    private void changed(FakeMailbox mailbox, String messageId, String folderId, String changeType) {
        Instant now = Instant.now();
        for (FakeSubscription subscription : subscriptions.values()) {
            if (subscription.address().equalsIgnoreCase(mailbox.address())
                    && subscription.folderId().equals(folderId)
                    && subscription.covers(changeType)
                    && subscription.expiresAt().isAfter(now)
                    && !subscription.awaitingReauthorization()) {
                notifier.post(
                        subscription.notificationUrl(),
                        json.writeValueAsString(Map.of(
                                "value",
                                List.of(change(subscription, changeType, messageId, subscription.clientState())))));
            }
        }
    }

    private static Map<String, Object> change(
            FakeSubscription subscription, String changeType, String messageId, String clientState) {
        String resource = "Users/" + subscription.address() + "/Messages/" + messageId;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@odata.type", "#Microsoft.Graph.Message");
        data.put("@odata.id", resource);
        data.put("@odata.etag", "W/\"" + UUID.randomUUID() + "\"");
        data.put("id", messageId);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("subscriptionId", subscription.id());
        item.put("subscriptionExpirationDateTime", subscription.expiresAt().toString());
        item.put("changeType", changeType);
        item.put("resource", resource);
        item.put("resourceData", data);
        if (clientState != null) {
            item.put("clientState", clientState);
        }
        item.put(
                "tenantId",
                UUID.nameUUIDFromBytes(subscription.address().getBytes()).toString());
        return item;
    }

    private FakeSubscription existing(String id, GraphRequest request) throws GraphRefusal {
        FakeSubscription subscription = subscriptions.get(id);
        if (subscription == null || !subscription.expiresAt().isAfter(Instant.now())) {
            throw new GraphRefusal(GraphErrorJson.error(404, "ResourceNotFound", "The object was not found.", request));
        }
        return subscription;
    }

    private static Instant expiration(JsonNode body, GraphRequest request) throws GraphRefusal {
        String value = text(body, "expirationDateTime");
        Instant at;
        try {
            at = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NullPointerException unreadable) {
            throw new GraphRefusal(GraphErrorJson.badRequest("expirationDateTime is not a date and time.", request));
        }
        Instant now = Instant.now();
        if (!at.isAfter(now) || at.isAfter(now.plus(LONGEST))) {
            throw new GraphRefusal(GraphErrorJson.error(
                    400,
                    "ExtensionError",
                    "Subscription expiration can only be 10080 minutes in the future.",
                    request));
        }
        return at;
    }

    private Map<String, Object> view(FakeSubscription subscription) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity");
        view.put("id", subscription.id());
        view.put("resource", subscription.resource());
        view.put("changeType", subscription.changeTypes());
        view.put("clientState", subscription.clientState());
        view.put("notificationUrl", subscription.notificationUrl());
        view.put("lifecycleNotificationUrl", subscription.lifecycleNotificationUrl());
        view.put("expirationDateTime", subscription.expiresAt().toString());
        return view;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
