package com.m365console.sync;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Where a Graph run gets a mailbox's access token for Microsoft Graph (tokens are per resource: not the Outlook one
 * IMAP uses). The mailbox package's token store plugs in here; a mailbox whose sign-in Microsoft refuses fails with
 * {@code MailboxUnavailableException} (NEEDS_REAUTH), as over IMAP.
 */
public interface GraphTokenSource {

    /** A current access token (refreshed first when it is about to expire). */
    Mono<String> accessToken(UUID mailboxId);

    /** A new access token after Graph refused {@code refused} (InvalidAuthenticationToken): refreshed at Microsoft. */
    Mono<String> refreshed(UUID mailboxId, String refused);
}
