package com.m365console.security;

import com.m365console.identity.ApiTokenService;
import com.m365console.security.session.PostgresSessionRepository;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Takes an account's credentials back when its owner asks or its password changes. Each ended credential is
 * announced to every instance by the statement that ends it, so sockets using it close everywhere.
 */
@Service
public class CredentialRevocations {

    private final PostgresSessionRepository sessions;
    private final ApiTokenService tokens;

    CredentialRevocations(PostgresSessionRepository sessions, ApiTokenService tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    /** "Sign out everywhere": ends every session of the account, the caller's own included; answers how many. */
    public Mono<Long> signOutEverywhere(UUID accountId) {
        return sessions.endSessionsOf(accountId, null);
    }

    /**
     * After a password change whoever knew the old password keeps nothing: the account's other sessions end and
     * its API tokens are revoked. The session that changed the password ({@code currentSessionId}, null over a
     * socket or a token) stays signed in.
     */
    public Mono<Void> passwordChanged(UUID accountId, String currentSessionId) {
        return sessions.endSessionsOf(accountId, currentSessionId)
                .then(tokens.revokeAll(accountId))
                .then();
    }

    /**
     * The account was disabled or its role changed: every session ends (a session keeps the role it signed in with)
     * and every socket closes, on every instance. Its API tokens are kept; they act with the account's state as it
     * is now (refused while it is disabled), and a socket opened with one again authenticates afresh.
     */
    public Mono<Void> accountChanged(UUID accountId) {
        return sessions.endSessionsOf(accountId, null)
                .then(tokens.closeSocketsOf(accountId))
                .then();
    }
}
