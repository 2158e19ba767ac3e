package com.m365console.messages;

import com.m365console.mailbox.MailboxDirectory;
import com.m365console.platform.graphql.InvalidArgumentException;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** GraphQL entry points for reading synchronised mail; only from mailboxes the caller may see. */
@Controller
class MessagesController {

    private static final int MAX_PAGE = 200;

    private final MessageRepository messages;
    private final MailboxDirectory mailboxes;
    private final JsonMapper json = JsonMapper.builder().build();

    MessagesController(MessageRepository messages, MailboxDirectory mailboxes) {
        this.messages = messages;
        this.mailboxes = mailboxes;
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Flux<MessageRepository.FolderSummary> mailFolders(@Argument UUID mailboxId, Authentication authentication) {
        return mailboxes.findVisible(mailboxId, authentication).flatMapMany(mailbox -> messages.folders(mailbox.id()));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<Connection> messages(
            @Argument UUID folderId,
            @Argument Integer first,
            @Argument String after,
            @Argument String search,
            Authentication authentication) {
        int limit = first == null ? 50 : first;
        if (limit < 1 || limit > MAX_PAGE) {
            return Mono.error(new InvalidArgumentException("first must be between 1 and " + MAX_PAGE));
        }
        PageCursor cursor = after == null ? null : PageCursor.decode(after);
        String term = search == null || search.isBlank() ? null : search.trim();
        return messages.mailboxOfFolder(folderId)
                .flatMap(mailboxId -> mailboxes.findVisible(mailboxId, authentication))
                .flatMap(mailbox ->
                        messages.page(folderId, cursor, limit + 1, term).collectList())
                .map(rows -> Connection.of(rows, limit))
                .defaultIfEmpty(Connection.of(List.of(), limit));
    }

    @QueryMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'USER')")
    Mono<MessageView> message(@Argument UUID id, Authentication authentication) {
        return messages.message(id)
                .filterWhen(detail -> mailboxes
                        .findVisible(detail.mailboxId(), authentication)
                        .hasElement())
                .map(this::view);
    }

    private MessageView view(MessageRepository.MessageDetail detail) {
        List<AttachmentInfo> attachments = json.readValue(detail.attachmentsJson(), new TypeReference<>() {});
        return new MessageView(
                detail.id(),
                detail.folderId(),
                detail.messageId(),
                detail.subject(),
                detail.fromName(),
                detail.fromAddress(),
                detail.to(),
                detail.cc(),
                detail.sentAt(),
                detail.receivedAt(),
                detail.flags(),
                detail.text(),
                HtmlSanitizer.sanitize(detail.rawHtml()),
                detail.bodyTruncated(),
                attachments);
    }

    /** Schema type {@code MessageConnection}. */
    record Connection(List<Edge> edges, PageInfo pageInfo) {
        static Connection of(List<MessageRepository.SummaryRow> rows, int limit) {
            List<Edge> edges = rows.stream()
                    .limit(limit)
                    .map(row -> new Edge(new PageCursor(row.receivedAt(), row.uid()).encode(), row))
                    .toList();
            return new Connection(
                    edges,
                    new PageInfo(
                            rows.size() > limit,
                            edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()));
        }
    }

    record Edge(String cursor, MessageRepository.SummaryRow node) {}

    record PageInfo(boolean hasNextPage, String endCursor) {}

    record AttachmentInfo(String fileName, String contentType, double size, boolean inline) {}

    record MessageView(
            UUID id,
            UUID folderId,
            String messageId,
            String subject,
            String fromName,
            String fromAddress,
            List<String> to,
            List<String> cc,
            java.time.OffsetDateTime sentAt,
            java.time.OffsetDateTime receivedAt,
            List<String> flags,
            String text,
            String html,
            boolean bodyTruncated,
            List<AttachmentInfo> attachments) {}
}
