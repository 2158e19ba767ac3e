package com.m365console.graph;

import com.m365console.mail.MailAddress;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A message as a delta page gives it, with what the store needs: Graph's id and change key, the Message-ID and
 * the In-Reply-To / References headers, subject, addresses, dates, read state, flag, whether it has attachments,
 * and the body ({@code html} true for HTML, else text).
 */
public record GraphMessage(
        String id,
        String changeKey,
        String internetMessageId,
        String inReplyTo,
        String references,
        String subject,
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        OffsetDateTime receivedDateTime,
        OffsetDateTime sentDateTime,
        boolean read,
        GraphFlag flag,
        boolean hasAttachments,
        boolean html,
        String body,
        String bodyPreview,
        String conversationId,
        String parentFolderId) {}
