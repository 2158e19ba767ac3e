package com.m365console.graph;

import com.m365console.microsoft.MicrosoftEndpoints;
import java.net.URI;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends mail through Microsoft Graph: {@code POST .../sendMail} on the mailbox's path ({@code /me}, or
 * {@code /users/{address}} for a shared mailbox) with the message JSON and {@code saveToSentItems}, so Exchange files
 * it in Sent Items. Throttling (429, 503) is waited out as {@code Retry-After} says; a request that got no answer is
 * not repeated, since Graph may have sent it.
 */
@Component
public class GraphMailSender {

    private final MicrosoftEndpoints endpoints;
    private final GraphHttp http;

    public GraphMailSender(
            MicrosoftEndpoints endpoints, WebClient.Builder webClientBuilder, GraphProperties properties) {
        this.endpoints = endpoints;
        this.http = new GraphHttp(webClientBuilder, properties);
    }

    /** Completes when Graph accepted the message (202); fails with a {@link GraphException} otherwise. */
    public Mono<Void> send(String accessToken, GraphMailbox mailbox, GraphOutgoingMessage message) {
        return Mono.defer(() -> http.postOnce(
                        URI.create(endpoints.graphApi(mailbox.cloud()) + mailbox.path() + "/sendMail"),
                        accessToken,
                        payload(message)))
                .then();
    }

    ObjectNode payload(GraphOutgoingMessage message) {
        ObjectNode root = http.json().createObjectNode();
        ObjectNode mail = root.putObject("message");
        mail.put("subject", message.subject());
        boolean html = message.html() != null && !message.html().isBlank();
        mail.putObject("body")
                .put("contentType", html ? "HTML" : "Text")
                .put("content", html ? message.html() : message.text());
        recipients(mail.putArray("toRecipients"), message.to());
        recipients(mail.putArray("ccRecipients"), message.cc());
        recipients(mail.putArray("bccRecipients"), message.bcc());
        if (message.internetMessageId() != null) {
            mail.put("internetMessageId", message.internetMessageId());
        }
        root.put("saveToSentItems", true);
        return root;
    }

    private static void recipients(ArrayNode array, List<String> addresses) {
        addresses.forEach(address -> array.addObject().putObject("emailAddress").put("address", address));
    }
}
