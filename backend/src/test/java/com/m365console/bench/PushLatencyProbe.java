package com.m365console.bench;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Times pushed mail on Dovecot: for each message, from the IMAP APPEND to (1) the EXISTS a plain Jakarta Mail IDLE
 * client on the same INBOX sees (the server's own notice) and (2) the app's mailboxSyncStatus SUCCEEDED event over
 * graphql-ws (an API token); the difference is what the app adds.
 */
final class PushLatencyProbe {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private final String graphqlWs;
    private final String apiToken;
    private final String imapHost;
    private final int imapPort;

    PushLatencyProbe(String graphqlWs, String apiToken, String imapHost, int imapPort) {
        this.graphqlWs = graphqlWs;
        this.apiToken = apiToken;
        this.imapHost = imapHost;
        this.imapPort = imapPort;
    }

    /** Latencies in ms, sorted: of the app's event, of the server's IDLE notice, and per message their difference. */
    record Figures(List<Double> app, List<Double> server, List<Double> added, int mailboxes) {

        /**
         * What the app adds is judged on the percentiles' difference: Dovecot tells two IDLE connections of one
         * INBOX about the same APPEND up to hundreds of milliseconds apart, so per message the difference (also
         * printed, as a median) can even be negative.
         */
        String line(int watched) {
            double addedP50 = percentile(app, 50) - percentile(server, 50);
            double addedP99 = percentile(app, 99) - percentile(server, 99);
            return String.format(
                    "push latency (%d watched, %d messages on %d of them) app p50/p99: %.0f/%.0f ms;"
                            + " server IDLE notice p50/p99: %.0f/%.0f ms; app adds p50/p99 %.0f/%.0f ms"
                            + " (per-message median %.0f ms): target <= 100 ms: %s",
                    watched,
                    app.size(),
                    mailboxes,
                    percentile(app, 50),
                    percentile(app, 99),
                    percentile(server, 50),
                    percentile(server, 99),
                    addedP50,
                    addedP99,
                    percentile(added, 50),
                    addedP99 <= 100 ? "met" : "not met");
        }
    }

    Figures run(List<UUID> mailboxIds, List<String> addresses, Function<String, String> tokens, int messages)
            throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.auth.mechanisms", "XOAUTH2");
        Session session = Session.getInstance(properties);
        List<Watched> watched = new ArrayList<>();
        List<Double> app = new ArrayList<>();
        List<Double> server = new ArrayList<>();
        List<Double> added = new ArrayList<>();
        try {
            for (int i = 0; i < mailboxIds.size(); i++) {
                watched.add(new Watched(session, mailboxIds.get(i), addresses.get(i), tokens));
            }
            Random random = new Random(11);
            for (int i = 0; i < messages; i++) {
                Watched target = watched.get(i % watched.size());
                Message message = BenchMailServer.message(session, random, i);
                target.eventAt.clear();
                target.notices.clear();
                long appended = System.nanoTime();
                target.appendFolder.appendMessages(new Message[] {message});
                long stored = target.awaitStored(i);
                Long notice = target.notices.poll(EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (notice == null) {
                    throw new IllegalStateException("The IDLE client saw no EXISTS for message " + i);
                }
                app.add((stored - appended) / 1e6);
                server.add((notice - appended) / 1e6);
                added.add((stored - notice) / 1e6);
            }
        } finally {
            watched.forEach(Watched::close);
        }
        Collections.sort(app);
        Collections.sort(server);
        Collections.sort(added);
        return new Figures(app, server, added, mailboxIds.size());
    }

    /** One timed mailbox: its subscription, a connection that appends and a plain IDLE client. */
    private final class Watched implements AutoCloseable {

        final BlockingQueue<Long> notices = new LinkedBlockingQueue<>();
        final Store appender;
        final Folder appendFolder;
        final Store idler;
        final Thread idling;
        final Disposable subscription;
        final BlockingQueue<Long> eventAt = new LinkedBlockingQueue<>();

        Watched(Session session, UUID mailboxId, String address, Function<String, String> tokens) throws Exception {
            appender = session.getStore("imap");
            appender.connect(imapHost, imapPort, address, tokens.apply(address));
            appendFolder = appender.getFolder("INBOX");
            idler = session.getStore("imap");
            idler.connect(imapHost, imapPort, address, tokens.apply(address));
            IMAPFolder inbox = (IMAPFolder) idler.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent event) {
                    notices.add(System.nanoTime());
                }
            });
            idling = new Thread(
                    () -> {
                        try {
                            while (!Thread.currentThread().isInterrupted()) {
                                inbox.idle(true);
                            }
                        } catch (MessagingException | IllegalStateException closed) {
                            // The probe is done and closed the store.
                        }
                    },
                    "idle-probe-" + address);
            idling.setDaemon(true);
            idling.start();
            subscription = subscribe(mailboxId);
        }

        private Disposable subscribe(UUID mailboxId) {
            WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(
                            URI.create(graphqlWs), new ReactorNettyWebSocketClient())
                    .interceptor(new WebSocketGraphQlClientInterceptor() {
                        @Override
                        public Mono<Object> connectionInitPayload() {
                            return Mono.just(Map.of("Authorization", "Bearer " + apiToken));
                        }
                    })
                    .build();
            return client.document(
                            "subscription($id: UUID!) { mailboxSyncStatus(mailboxId: $id) { state newMessages } }")
                    .variable("id", mailboxId)
                    .retrieveSubscription("mailboxSyncStatus")
                    .toEntity(Map.class)
                    .subscribe(status -> {
                        long at = System.nanoTime();
                        if ("SUCCEEDED".equals(status.get("state"))
                                && status.get("newMessages") instanceof Number stored
                                && stored.intValue() > 0) {
                            eventAt.add(at);
                        }
                    });
        }

        long awaitStored(int message) throws InterruptedException {
            Long at = eventAt.poll(EVENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (at == null) {
                throw new IllegalStateException(
                        "No SUCCEEDED event within " + EVENT_TIMEOUT + " for message " + message);
            }
            return at;
        }

        @Override
        public void close() {
            subscription.dispose();
            idling.interrupt();
            try {
                appender.close();
                idler.close();
            } catch (MessagingException ignored) {
                // Closing is best effort.
            }
        }
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
