package com.m365console.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.ContentSecurityPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The response headers that keep the SPA from being framed, sniffed or made to run foreign script. The SPA's
 * policy allows only its own bundle (Vite emits no inline script, no eval) and same-origin requests, which
 * in CSP 3 include the GraphQL WebSocket; inline styles and data: images stay allowed because the mail
 * reader's sandboxed srcdoc frame inherits this policy and shows the sanitised mail with them. GraphiQL,
 * served by Spring for GraphQL from a CDN with inline module script, gets a policy of its own that allows
 * those scripts by hash. HSTS goes out only over HTTPS (Spring Security checks the request's scheme).
 */
@Component
class SecurityHeaders {

    static final String SPA_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'self'; worker-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    private static final String GRAPHIQL_PAGE = "graphiql/index.html";
    private static final String GRAPHIQL_CDN = "https://esm.sh";
    private static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>(.*?)</script>", Pattern.DOTALL);

    private final ContentSecurityPolicyServerHttpHeadersWriter spa = policy(SPA_POLICY);
    private final ContentSecurityPolicyServerHttpHeadersWriter graphiql = policy(graphiqlPolicy());

    void configure(ServerHttpSecurity.HeaderSpec headers) {
        headers.writer(this::contentSecurityPolicy)
                .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true));
    }

    private Mono<Void> contentSecurityPolicy(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean graphiqlPage = path.equals("/graphiql") || path.startsWith("/graphiql/");
        return (graphiqlPage ? graphiql : spa).writeHttpHeaders(exchange);
    }

    /** GraphiQL's page as shipped: its inline import map and module script by hash, its CDN for the rest. */
    static String graphiqlPolicy() {
        String hashes = INLINE_SCRIPT
                .matcher(graphiqlPage())
                .results()
                .map(script -> "'sha256-" + sha256(script.group(1)) + "'")
                .collect(Collectors.joining(" "));
        return "default-src 'self'; script-src 'self' " + GRAPHIQL_CDN + " " + hashes + "; "
                + "style-src 'self' 'unsafe-inline' " + GRAPHIQL_CDN + "; img-src 'self' data: " + GRAPHIQL_CDN + "; "
                + "font-src 'self' data: " + GRAPHIQL_CDN + "; connect-src 'self' " + GRAPHIQL_CDN + "; "
                + "worker-src 'self' blob: " + GRAPHIQL_CDN + "; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String graphiqlPage() {
        var page = new ClassPathResource(GRAPHIQL_PAGE);
        if (!page.exists()) {
            return "";
        }
        try (var in = page.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + GRAPHIQL_PAGE, e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSecurityPolicyServerHttpHeadersWriter policy(String directives) {
        var writer = new ContentSecurityPolicyServerHttpHeadersWriter();
        writer.setPolicyDirectives(directives);
        return writer;
    }
}
