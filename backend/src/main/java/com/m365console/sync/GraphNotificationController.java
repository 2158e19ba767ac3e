package com.m365console.sync;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The URLs Microsoft Graph posts change and lifecycle notifications to (under {@code m365.public-base-url}): open to
 * anyone, as Graph signs nothing in; a notification counts only with its subscription's client state. Graph
 * validates each URL while creating a subscription by posting a {@code validationToken}, answered as plain text.
 */
@RestController
public class GraphNotificationController {

    public static final String NOTIFICATIONS = "/graph/notifications";
    public static final String LIFECYCLE = "/graph/lifecycle";

    /** Graph's validation tokens are short; a longer one is not Graph's. */
    private static final int LONGEST_VALIDATION_TOKEN = 1024;

    private final GraphNotifications notifications;

    GraphNotificationController(GraphNotifications notifications) {
        this.notifications = notifications;
    }

    @PostMapping(
            path = {NOTIFICATIONS, LIFECYCLE},
            params = "validationToken")
    ResponseEntity<String> validate(@RequestParam String validationToken) {
        if (validationToken.isEmpty() || validationToken.length() > LONGEST_VALIDATION_TOKEN) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("A validation token is 1 to " + LONGEST_VALIDATION_TOKEN + " characters.");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(validationToken);
    }

    @PostMapping(path = NOTIFICATIONS, params = "!validationToken", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> changes(@RequestBody JsonNode body) {
        return accepted(notifications.received(body, false));
    }

    @PostMapping(path = LIFECYCLE, params = "!validationToken", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> lifecycle(@RequestBody JsonNode body) {
        return accepted(notifications.received(body, true));
    }

    /** 202 once noted (Graph retries what gets no 2xx); 400 for a body that is no notification. */
    private static Mono<ResponseEntity<Void>> accepted(Mono<Long> noted) {
        return noted.map(count -> ResponseEntity.status(HttpStatus.ACCEPTED).<Void>build())
                .onErrorResume(
                        IllegalArgumentException.class,
                        notANotification ->
                                Mono.just(ResponseEntity.badRequest().build()));
    }
}
