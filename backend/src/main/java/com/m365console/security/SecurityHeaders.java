package com.m365console.security;

import java.time.Duration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.stereotype.Component;

/**
 * The response headers that keep the SPA from being framed, sniffed or made to run foreign script. The SPA's
 * policy allows only its own bundle (Vite emits no inline script, no eval) and same-origin requests, which
 * in CSP 3 include the GraphQL WebSocket; inline styles and data: images stay allowed because the mail
 * reader's sandboxed srcdoc frame inherits this policy and shows the sanitised mail with them. GraphiQL is a
 * page of the same bundle and lives under the same policy. HSTS goes out only over HTTPS (Spring Security
 * checks the request's scheme).
 */
@Component
class SecurityHeaders {

    static final String SPA_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; worker-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final ContentSecurityPolicyServerHttpHeadersWriter spa = policy(SPA_POLICY);

    void configure(ServerHttpSecurity.HeaderSpec headers) {
        headers.writer(spa)
                .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true));
    }

    private static ContentSecurityPolicyServerHttpHeadersWriter policy(String directives) {
        var writer = new ContentSecurityPolicyServerHttpHeadersWriter();
        writer.setPolicyDirectives(directives);
        return writer;
    }
}
