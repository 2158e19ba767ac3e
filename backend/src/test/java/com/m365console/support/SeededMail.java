package com.m365console.support;

import com.m365console.testsupport.dovecot.DovecotServer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A known set of messages put into a Dovecot folder, each with a subject of its own, and how the app's stored copy
 * of a mailbox compares with it: the lost, duplicated and stale counts that fault tests assert and print.
 */
public final class SeededMail {

    /** About 1 KB of body, so a few hundred messages make a run that a throttled link stretches over seconds. */
    private static final String BODY =
            "The quarterly figures are attached; please review them before Friday. ".repeat(12);

    private final Set<String> subjects;

    private SeededMail(Set<String> subjects) {
        this.subjects = subjects;
    }

    /** Delivers {@code count} messages to the address's folder, in order. */
    public static SeededMail deliver(DovecotServer dovecot, String address, String folder, int count) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Set<String> subjects = new HashSet<>();
        Session session = Session.getInstance(new Properties());
        for (int i = 1; i <= count; i++) {
            String subject = "Seeded " + run + " #" + i;
            subjects.add(subject);
            dovecot.deliver(address, folder, message(session, address, subject));
        }
        return new SeededMail(Set.copyOf(subjects));
    }

    public int size() {
        return subjects.size();
    }

    /** How many messages of the mailbox the app has stored (all folders, every copy). */
    public static long stored(DatabaseClient db, UUID mailboxId) {
        return db.sql("select count(*) from mail_message m join mail_folder f on f.id = m.folder_id "
                        + "where f.mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, Long.class))
                .one()
                .blockOptional()
                .orElse(0L);
    }

    /** The stored copy of the mailbox against this set. */
    public Comparison compare(DatabaseClient db, UUID mailboxId) {
        List<String> stored = db.sql("select m.subject from mail_message m join mail_folder f on f.id = m.folder_id "
                        + "where f.mailbox_id = :id")
                .bind("id", mailboxId)
                .map(row -> row.get(0, String.class))
                .all()
                .collectList()
                .blockOptional()
                .orElse(List.of());
        Map<String, Long> copies =
                stored.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        int lost = (int) subjects.stream()
                .filter(subject -> !copies.containsKey(subject))
                .count();
        int duplicated =
                (int) copies.values().stream().mapToLong(count -> count - 1).sum();
        List<String> stale = new ArrayList<>(copies.keySet());
        stale.removeAll(subjects);
        return new Comparison(subjects.size(), stored.size(), lost, duplicated, stale.size());
    }

    /** Counts of one comparison; {@link #exact()} when the stored copy is the set, once each. */
    public record Comparison(int expected, int stored, int lost, int duplicated, int stale) {

        public boolean exact() {
            return lost == 0 && duplicated == 0 && stale == 0 && stored == expected;
        }

        /** The line a fault test prints for the closing note. */
        public String figures(String fault, int runs, String recovery) {
            return "FAULT " + fault + ": runs=" + runs + " messages=" + expected + " stored=" + stored + " lost=" + lost
                    + " duplicated=" + duplicated + " stale=" + stale + " recovery=" + recovery;
        }
    }

    private static MimeMessage message(Session session, String address, String subject) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("reports@example.com", "Reports"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
            message.setSubject(subject);
            message.setSentDate(new Date());
            message.setText(subject + "\n\n" + BODY);
            return message;
        } catch (MessagingException | java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
