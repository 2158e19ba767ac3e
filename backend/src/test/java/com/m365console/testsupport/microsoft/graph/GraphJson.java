package com.m365console.testsupport.microsoft.graph;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fake mailbox's folders and messages in Graph's JSON (the mailFolder and message resources), cut down to a
 * {@code $select} as Graph does: {@code id} always, property names matched without regard to case.
 */
final class GraphJson {

    /** Properties a message only has in the answer when asked for by {@code $select}. */
    private static final Set<String> ON_REQUEST = Set.of("internetmessageheaders", "uniquebody");

    private GraphJson() {}

    /** The {@code $select} list, lower case; null when absent (every default property). */
    static Set<String> select(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Arrays.stream(raw.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    static Map<String, Object> folder(StoredFolder folder, FakeMailbox mailbox, Set<String> select) {
        List<StoredMessage> inside = mailbox.messagesIn(folder.id());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", folder.id());
        json.put("displayName", folder.displayName());
        json.put("parentFolderId", folder.parentId());
        json.put(
                "childFolderCount",
                mailbox.folders().stream()
                        .filter(f -> folder.id().equals(f.parentId()))
                        .count());
        json.put(
                "unreadItemCount", inside.stream().filter(m -> !m.seed().read()).count());
        json.put("totalItemCount", inside.size());
        json.put("isHidden", folder.hidden());
        return cut(json, select, Set.of());
    }

    static Map<String, Object> message(StoredMessage message, Set<String> select) {
        SeedMessage seed = message.seed();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", "#microsoft.graph.message");
        json.put("@odata.etag", "W/\"" + message.changeKey() + "\"");
        json.put("id", message.id());
        json.put("createdDateTime", message.created().toString());
        json.put("lastModifiedDateTime", message.lastModified().toString());
        json.put("changeKey", message.changeKey());
        json.put("receivedDateTime", seed.received().toString());
        json.put("sentDateTime", seed.received().minusSeconds(2).toString());
        json.put("hasAttachments", !seed.attachments().isEmpty());
        json.put("internetMessageId", message.internetMessageId());
        json.put("subject", seed.subject());
        json.put("bodyPreview", preview(seed));
        json.put("importance", "normal");
        json.put("parentFolderId", message.folderId());
        json.put("conversationId", message.conversationId());
        json.put("isRead", seed.read());
        json.put("isDraft", false);
        json.put("body", Map.of("contentType", seed.bodyType(), "content", seed.body()));
        json.put("uniqueBody", Map.of("contentType", seed.bodyType(), "content", seed.body()));
        json.put("sender", address(seed.from()));
        json.put("from", address(seed.from()));
        json.put("toRecipients", seed.to().stream().map(GraphJson::address).toList());
        json.put("ccRecipients", seed.cc().stream().map(GraphJson::address).toList());
        json.put("bccRecipients", List.of());
        json.put("replyTo", List.of());
        json.put("flag", Map.of("flagStatus", seed.flagStatus()));
        json.put("internetMessageHeaders", headers(message));
        return cut(json, select, ON_REQUEST);
    }

    /** A removed entry of a delta page: only the id and why. */
    static Map<String, Object> removed(String id) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@odata.type", "#microsoft.graph.message");
        json.put("id", id);
        json.put("@removed", Map.of("reason", "deleted"));
        return json;
    }

    static List<Map<String, Object>> attachments(StoredMessage message) {
        return message.seed().attachments().stream()
                .map(a -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("@odata.type", "#microsoft.graph.fileAttachment");
                    json.put("id", FakeMailbox.newId("AAMkAD"));
                    json.put("name", a.name());
                    json.put("contentType", a.contentType());
                    json.put("size", a.size());
                    json.put("isInline", false);
                    return json;
                })
                .toList();
    }

    private static Map<String, Object> cut(Map<String, Object> json, Set<String> select, Set<String> onRequest) {
        Map<String, Object> out = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            String key = name.toLowerCase(Locale.ROOT);
            boolean wanted = name.startsWith("@")
                    || key.equals("id")
                    || (select == null ? !onRequest.contains(key) : select.contains(key));
            if (wanted) {
                out.put(name, value);
            }
        });
        return out;
    }

    private static Map<String, Object> address(SeedMessage.Address address) {
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("name", address.name() != null ? address.name() : address.address());
        email.put("address", address.address());
        return Map.of("emailAddress", email);
    }

    private static List<Map<String, String>> headers(StoredMessage message) {
        List<Map<String, String>> headers = new java.util.ArrayList<>();
        headers.add(Map.of("name", "Message-ID", "value", message.internetMessageId()));
        if (message.seed().inReplyTo() != null) {
            headers.add(Map.of("name", "In-Reply-To", "value", message.seed().inReplyTo()));
            headers.add(Map.of("name", "References", "value", message.seed().inReplyTo()));
        }
        headers.add(Map.of("name", "Subject", "value", message.seed().subject()));
        return headers;
    }

    private static String preview(SeedMessage seed) {
        String text = "html".equals(seed.bodyType()) ? seed.body().replaceAll("<[^>]*>", " ") : seed.body();
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > 255 ? text.substring(0, 255) : text;
    }
}
