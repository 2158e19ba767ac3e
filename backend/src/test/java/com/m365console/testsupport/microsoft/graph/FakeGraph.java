package com.m365console.testsupport.microsoft.graph;

import com.m365console.testsupport.microsoft.AccessTokenGrant;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Microsoft Graph look-alike for mail, served by the fake identity platform on its host (so
 * {@code m365.microsoft.graph-host} points at both): mailboxes a test seeds and changes, Graph's folder, delta and
 * {@code $batch} paths and JSON, {@code sendMail} (filing into Sent Items, with {@link #sentMail()} listing what
 * left), tokens checked as the platform issued them, and controls for throttling, outages and expired delta tokens. Built from Microsoft Graph's documentation, since tests cannot reach Microsoft.
 */
public final class FakeGraph {

    private static final String CONTENT_TYPE =
            "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    /** A scripted answer for one coming request; a null code lets the request through. */
    private record Scripted(int status, String code, String message, Duration retryAfter) {}

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, FakeMailbox> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> appPermissions = new ConcurrentHashMap<>();
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<SentMail> sent = new CopyOnWriteArrayList<>();
    private final DeltaRoute delta;
    private final GraphRouter router;
    private final BatchRoute batch = new BatchRoute(json);
    private final SubscriptionRoute subscriptions = new SubscriptionRoute(json);

    public FakeGraph(
            String authority,
            Function<String, Optional<AccessTokenGrant>> issued,
            Function<String, Optional<AccessTokenGrant>> active) {
        delta = new DeltaRoute(authority);
        router = new GraphRouter(
                mailboxes,
                appPermissions,
                issued,
                active,
                new FolderRoutes(authority),
                delta,
                new SendMailRoute(json, sent),
                subscriptions,
                json);
    }

    /** The mailbox of this address, made with Exchange's default folders the first time it is asked for. */
    public FakeMailbox mailbox(String address) {
        return mailboxes.computeIfAbsent(address.toLowerCase(Locale.ROOT), FakeMailbox::new);
    }

    /** Grants the app an application permission ({@code Mail.ReadWrite}) with admin consent, for app-only tokens. */
    public void grantApplicationPermission(String clientId, String permission) {
        appPermissions.merge(
                clientId,
                Set.of(permission.toLowerCase(Locale.ROOT)),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** Withdraws an application permission's admin consent: the app's tokens, even issued before, lose it. */
    public void revokeApplicationPermission(String clientId, String permission) {
        appPermissions.computeIfPresent(
                clientId,
                (id, granted) -> granted.stream()
                        .filter(name -> !name.equals(permission.toLowerCase(Locale.ROOT)))
                        .collect(java.util.stream.Collectors.toUnmodifiableSet()));
    }

    /** The next n requests (inside a batch too) answer 429 with this Retry-After, as a throttled mailbox does. */
    public void throttleNext(int n, Duration retryAfter) {
        throttleAfter(0, n, retryAfter);
    }

    /** Lets {@code passing} requests through, then throttles the n after them. */
    public synchronized void throttleAfter(int passing, int n, Duration retryAfter) {
        for (int i = 0; i < passing; i++) {
            scripted.add(new Scripted(0, null, null, null));
        }
        for (int i = 0; i < n; i++) {
            scripted.add(new Scripted(
                    429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", retryAfter));
        }
    }

    /** The next n requests answer 503 with this Retry-After, as during an outage. */
    public synchronized void unavailableNext(int n, Duration retryAfter) {
        for (int i = 0; i < n; i++) {
            scripted.add(
                    new Scripted(503, "ServiceUnavailable", "The service is temporarily unavailable.", retryAfter));
        }
    }

    /** The next request answers with this status and Graph error. */
    public synchronized void failNext(int status, String code, String message) {
        scripted.add(new Scripted(status, code, message, null));
    }

    /** Every delta and skip token issued so far answers 410 Gone (SyncStateNotFound) from now on. */
    public void expireDeltaTokens() {
        delta.expire();
    }

    /** The live change-notification subscriptions on the mailbox of this address. */
    public List<FakeSubscription> subscriptions(String address) {
        return subscriptions.of(address);
    }

    /** Ends every subscription on the mailbox of this address, as their lapsing would: a test's fresh start. */
    public void endSubscriptions(String address) {
        subscriptions.endAll(address);
    }

    /**
     * Sends a lifecycle notification ({@code reauthorizationRequired}, {@code subscriptionRemoved}, {@code missed})
     * for the subscription, as Graph does; a removed subscription is gone, one needing reauthorization sends no more
     * change notifications until renewed.
     */
    public void lifecycle(String subscriptionId, String event) {
        subscriptions.lifecycle(subscriptionId, event);
    }

    /** Posts a change notification for the subscription with another client state, as a forger would. */
    public void forgeNotification(String subscriptionId, String clientState) {
        subscriptions.forge(subscriptionId, clientState);
    }

    /** The notification POSTs made so far (changes and lifecycle events) with the status each got; 0: no answer. */
    public List<String> notificationStatuses() {
        return subscriptions.delivered().stream()
                .map(d -> d.status() + " " + d.url())
                .toList();
    }

    /** The messages accepted by {@code sendMail} so far, in order. */
    public List<SentMail> sentMail() {
        return List.copyOf(sent);
    }

    /** The requests answered so far, in order, batched ones included. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Answers one HTTP request under {@code /v1.0/}. */
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        GraphRequest request = new GraphRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                Urls.parse(exchange.getRequestURI().getRawQuery()),
                headers,
                body);
        GraphResponse response;
        if (request.path().equalsIgnoreCase("/v1.0/$batch") && request.method().equals("POST")) {
            try {
                response = batch.batch(request, step -> answer(step, true));
            } catch (GraphRefusal refusal) {
                response = refusal.response;
            }
            requests.add(new RecordedRequest(
                    request.method(), request.path(), request.query(), headers, response.status(), false));
        } else {
            response = answer(request, false);
        }
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            exchange.close();
            return;
        }
        byte[] bytes = json.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private GraphResponse answer(GraphRequest request, boolean batched) {
        GraphResponse response;
        Scripted next = takeScripted();
        if (next != null && next.code() != null) {
            response = GraphErrorJson.error(next.status(), next.code(), next.message(), request);
            if (next.retryAfter() != null) {
                response = response.withHeader(
                        "Retry-After", String.valueOf(next.retryAfter().toSeconds()));
            }
        } else {
            try {
                response = router.route(request);
            } catch (GraphRefusal refusal) {
                response = refusal.response;
            }
        }
        if (!response.headers().containsKey("request-id")) {
            String id = java.util.UUID.randomUUID().toString();
            String clientId = request.header("client-request-id");
            response = response.withHeader("request-id", id)
                    .withHeader("client-request-id", clientId != null ? clientId : id);
        }
        requests.add(new RecordedRequest(
                request.method(), request.path(), request.query(), request.headers(), response.status(), batched));
        return response;
    }

    private synchronized Scripted takeScripted() {
        return scripted.poll();
    }
}
