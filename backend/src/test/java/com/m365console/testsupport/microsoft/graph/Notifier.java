package com.m365console.testsupport.microsoft.graph;

import com.m365console.testsupport.TestTls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * How the fake Graph calls a subscriber's HTTPS URLs: the validation request while a subscription is created (a
 * {@code validationToken} in the query, which must come back as the plain-text body with 200 within 10 s) and
 * notifications, posted one at a time in the order they happened, apart from the request that caused them. Every
 * delivery is kept, with the status it got, for tests to read.
 */
final class Notifier {

    /** One notification POST and the status the subscriber answered (0: no answer). */
    record Delivery(String url, String body, int status) {}

    private static final int ATTEMPTS = 3;
    private static final Duration RETRY_AFTER = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder()
            .sslContext(TestTls.trustingClient())
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fake-graph-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();

    /** Null when the URL answered the validation as Graph expects, else what went wrong. */
    String validate(String url) {
        String token =
                "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();
        String separator = url.contains("?") ? "&" : "?";
        try {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(url + separator + "validationToken="
                                    + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "text/plain; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return "the notification URL answered " + answer.statusCode();
            }
            String type = answer.headers().firstValue("Content-Type").orElse("");
            if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("text/plain")) {
                return "the validation answer is not text/plain but " + type;
            }
            return answer.body().equals(token) ? null : "the validation answer is not the validation token";
        } catch (Exception failed) {
            return "the notification URL could not be reached: " + failed;
        }
    }

    /**
     * Posts the notification later, after the ones before it; one that gets no 2xx is tried again twice, a quarter
     * second apart, as Graph retries (for hours, with backoff) before it gives up and sends {@code missed}. The
     * delivery is kept with its last status.
     */
    void post(String url, String json) {
        deliveries.execute(() -> {
            int status = 0;
            for (int attempt = 0; attempt < ATTEMPTS && (status < 200 || status > 299); attempt++) {
                if (attempt > 0) {
                    pause();
                }
                status = attempt(url, json);
            }
            delivered.add(new Delivery(url, json, status));
        });
    }

    private int attempt(String url, String json) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException unanswered) {
            return 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Graph's backoff between deliveries, shortened for tests. */
    private static void pause() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    List<Delivery> delivered() {
        return List.copyOf(delivered);
    }
}
