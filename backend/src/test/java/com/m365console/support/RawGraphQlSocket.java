package com.m365console.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-transport-ws socket spoken by hand with the JDK's client, for tests that need what the GraphQL
 * testers hide: exactly the handshake headers given (Netty's client adds an Origin of its own) and the code the
 * server closes the socket with.
 */
public final class RawGraphQlSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration ANSWER = Duration.ofSeconds(5);

    private final BlockingQueue<Map<String, Object>> incoming = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final WebSocket socket;

    private RawGraphQlSocket(URI url, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(ANSWER);
        headers.forEach(builder::header);
        socket = builder.buildAsync(url, new Listener())
                .orTimeout(ANSWER.toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    /**
     * Opens a socket with exactly these handshake headers, sends connection_init with the payload and answers
     * once the server acknowledged it. A socket whose connection_init goes unanswered is replaced, as the SPA does
     * (see {@link GraphQlSockets}).
     */
    public static RawGraphQlSocket open(URI url, Map<String, String> headers, Map<String, Object> initPayload) {
        for (int attempt = 1; ; attempt++) {
            RawGraphQlSocket socket = new RawGraphQlSocket(url, headers);
            socket.send(Map.of("type", "connection_init", "payload", initPayload));
            Map<String, Object> answer = socket.next();
            if (answer != null && "connection_ack".equals(answer.get("type"))) {
                return socket;
            }
            socket.close();
            if (answer != null || attempt == 3) {
                throw new AssertionError("connection_init was answered with " + answer);
            }
        }
    }

    /** Runs one query or mutation and answers its {@code payload} (data and errors); null if none came. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> execute(String document) {
        String id = String.valueOf(ids.incrementAndGet());
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", document)));
        for (Map<String, Object> message = next(); message != null; message = next()) {
            if (id.equals(message.get("id")) && "next".equals(message.get("type"))) {
                return (Map<String, Object>) message.get("payload");
            }
            if (id.equals(message.get("id")) && "error".equals(message.get("type"))) {
                return Map.of("errors", message.get("payload"));
            }
        }
        return null;
    }

    /** The code the server closed the socket with, waiting at most {@code within}; null if it is still open. */
    public Integer closeCode(Duration within) {
        try {
            return closeCode.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException ex) {
            return null;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true)
                .orTimeout(ANSWER.toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    private Map<String, Object> next() {
        try {
            return incoming.poll(ANSWER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Collects whole text messages and the close code. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                incoming.add(JSON.readValue(text.toString(), Map.class));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
