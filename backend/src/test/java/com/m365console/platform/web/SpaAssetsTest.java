package com.m365console.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import com.m365console.support.Sessions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The SPA's files as the packaged build serves them: the precompressed variant exactly when the request accepts
 * it, decoding to the plain file; hashed assets cacheable for a year; index.html revalidated (304 by ETag) for "/"
 * and the SPA's routes alike; GraphQL still {@code no-store}.
 */
@IntegrationTest
class SpaAssetsTest {

    private static final Pattern ENTRY_SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    @Autowired
    Sessions sessions;

    /** A client that sends only the Accept-Encoding given and hands back the bytes as they came over the wire. */
    private WebTestClient client() {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create()))
                .baseUrl(sessions.baseUrl())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    @Test
    void aHashedScriptIsServedAsBrotliWhenAcceptedInAnyOrderAndIsCacheableForAYear() throws IOException {
        String script = entryScript();
        var response = get(script, "gzip, deflate, br, zstd");

        HttpHeaders headers = response.getResponseHeaders();
        assertThat(headers.getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("br");
        assertThat(headers.getVary()).contains(HttpHeaders.ACCEPT_ENCODING);
        assertThat(headers.getContentType()).isNotNull();
        assertThat(headers.getContentType().toString()).contains("javascript");
        assertThat(headers.getCacheControl()).isEqualTo("max-age=31536000, public, immutable");
        assertThat(headers.getPragma()).isNull();
        assertThat(response.getResponseBody()).isEqualTo(packaged(script + ".br"));
        assertThat(response.getResponseBody().length).isLessThan(packaged(script).length / 2);
    }

    @Test
    void gzipIsServedWhenBrotliIsRefusedAndDecodesToTheScript() throws IOException {
        String script = entryScript();
        var response = get(script, "br;q=0, gzip");

        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING))
                .isEqualTo("gzip");
        assertThat(response.getResponseHeaders().getVary()).contains(HttpHeaders.ACCEPT_ENCODING);
        assertThat(gunzip(response.getResponseBody())).isEqualTo(packaged(script));
    }

    @Test
    void thePlainFileIsServedWhenNoEncodingIsAccepted() throws IOException {
        String script = entryScript();
        var response = get(script, null);

        assertThat(response.getResponseHeaders().getFirst(HttpHeaders.CONTENT_ENCODING))
                .isNull();
        assertThat(response.getResponseHeaders().getVary()).contains(HttpHeaders.ACCEPT_ENCODING);
        assertThat(response.getResponseBody()).isEqualTo(packaged(script));
        assertThat(get(script, "identity").getResponseBody()).isEqualTo(packaged(script));
    }

    @Test
    void theStylesheetIsCompressedAndTypedAsCss() {
        String css = find(Pattern.compile("href=\"(/assets/[^\"]+\\.css)\""), indexHtml());
        var headers = get(css, "br").getResponseHeaders();
        assertThat(headers.getFirst(HttpHeaders.CONTENT_ENCODING)).isEqualTo("br");
        assertThat(headers.getContentType()).isEqualTo(new MediaType("text", "css"));
    }

    @Test
    void indexHtmlIsRevalidatedByItsEtagForTheRootAndTheSpaRoutes() throws IOException {
        for (String path : new String[] {"/", "/index.html", "/system/config/integrations/microsoft", "/login"}) {
            var first =
                    page(path, "br", null).expectStatus().isOk().expectBody().returnResult();
            HttpHeaders headers = first.getResponseHeaders();
            assertThat(headers.getCacheControl()).as(path).isEqualTo("no-cache");
            assertThat(headers.getFirst(HttpHeaders.CONTENT_ENCODING)).as(path).isEqualTo("br");
            assertThat(headers.getContentType()).as(path).isEqualTo(MediaType.TEXT_HTML);
            assertThat(headers.getVary()).as(path).contains(HttpHeaders.ACCEPT_ENCODING);
            assertThat(first.getResponseBody()).as(path).isEqualTo(packaged("/index.html.br"));
            String etag = headers.getETag();
            assertThat(etag).as(path).startsWith("\"");

            page(path, "br", etag).expectStatus().isNotModified().expectBody().isEmpty();
            var plain =
                    page(path, null, null).expectStatus().isOk().expectBody().returnResult();
            assertThat(plain.getResponseHeaders().getETag()).as(path).isNotEqualTo(etag);
            page(path, null, etag).expectStatus().isOk();
        }
    }

    @Test
    void graphQlResponsesStayUncached() {
        var headers = sessions.client()
                .post()
                .uri("/graphql")
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_ENCODING, "br")
                .bodyValue("{\"query\":\"{ __typename }\"}")
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseHeaders();
        assertThat(headers.getCacheControl()).contains("no-store");
    }

    private String entryScript() {
        return find(ENTRY_SCRIPT, indexHtml());
    }

    private String indexHtml() {
        return new String(get("/index.html", null).getResponseBody(), StandardCharsets.UTF_8);
    }

    private static String find(Pattern pattern, String html) {
        var matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("%s in index.html", pattern).isTrue();
        return matcher.group(1);
    }

    private EntityExchangeResult<byte[]> get(String path, String acceptEncoding) {
        return client().get()
                .uri(path)
                .headers(h -> {
                    if (acceptEncoding != null) {
                        h.set(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
                    }
                })
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.OK)
                .expectBody()
                .returnResult();
    }

    private WebTestClient.ResponseSpec page(String path, String acceptEncoding, String ifNoneMatch) {
        return client().get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .headers(h -> {
                    if (acceptEncoding != null) {
                        h.set(HttpHeaders.ACCEPT_ENCODING, acceptEncoding);
                    }
                    if (ifNoneMatch != null) {
                        h.setIfNoneMatch(ifNoneMatch);
                    }
                })
                .exchange();
    }

    private static byte[] packaged(String path) throws IOException {
        try (InputStream in = new ClassPathResource("META-INF/resources" + path).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
