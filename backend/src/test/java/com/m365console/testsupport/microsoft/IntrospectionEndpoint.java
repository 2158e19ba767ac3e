package com.m365console.testsupport.microsoft;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /_fake/introspect: RFC 7662 token introspection, which Microsoft does not offer but a mail server under test
 * (Dovecot's oauth2 passdb) needs to refuse an access token the fake revoked or expired, as Exchange Online does.
 */
final class IntrospectionEndpoint {

    private final GrantStore grants;

    IntrospectionEndpoint(GrantStore grants) {
        this.grants = grants;
    }

    void handle(HttpExchange exchange) throws IOException {
        String token = Http.form(exchange).get("token");
        Map<String, Object> answer = new LinkedHashMap<>();
        grants.activeAccessToken(token)
                .ifPresentOrElse(
                        grant -> {
                            answer.put("active", true);
                            answer.put("client_id", grant.clientId());
                            answer.put("scope", grant.scope());
                            answer.put("exp", grant.expiresAt().getEpochSecond());
                            answer.put("token_type", "Bearer");
                            if (grant.email() != null) {
                                answer.put("username", grant.email());
                                answer.put("sub", grant.oid());
                            }
                        },
                        () -> answer.put("active", false));
        Http.json(exchange, 200, answer);
    }
}
