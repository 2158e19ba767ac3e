package com.m365console.sync;

import com.m365console.mailbox.MailResource;
import com.m365console.mailbox.MailboxAccessToken;
import com.m365console.mailbox.MailboxTokens;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A Graph run's tokens from the mailbox token store: the Graph access token, renewed once when Graph refuses it. */
@Component
class MailboxGraphTokens implements GraphTokenSource {

    private final MailboxTokens tokens;

    MailboxGraphTokens(MailboxTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<String> accessToken(UUID mailboxId) {
        return tokens.graphAccessToken(mailboxId);
    }

    @Override
    public Mono<String> refreshed(UUID mailboxId, String refused) {
        // Only the value decides whether another caller already replaced the refused token; its expiry is not read
        return tokens.refreshRefused(mailboxId, MailResource.GRAPH, new MailboxAccessToken(refused, Instant.EPOCH))
                .map(MailboxAccessToken::value);
    }
}
