package com.m365console.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Serves the SPA's files from the jar: the build's brotli or gzip copy when the request accepts it (with
 * {@code Vary: Accept-Encoding}); the content-hashed files under /assets/ cacheable for a year, never revalidated;
 * index.html (also served for "/" and the SPA's routes, see {@link SpaRoutingFilter}) and graphiql.html revalidated on each use by an
 * ETag of its bytes. A Cache-Control set here keeps Spring Security's {@code no-store} default off these responses.
 * No resolution cache: the variant depends on the request's Accept-Encoding, and a jar lookup is cheap.
 */
@Configuration(proxyBeanMethods = false)
class SpaResources implements WebFluxConfigurer {

    static final String LOCATION = "classpath:/META-INF/resources/";
    static final CacheControl HASHED =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    static final CacheControl REVALIDATED = CacheControl.noCache();

    private final Map<String, String> etags = new ConcurrentHashMap<>();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations(LOCATION + "assets/")
                .setCacheControl(HASHED)
                .resourceChain(false)
                .addResolver(new ServerPreferredEncodings());
        registry.addResourceHandler("/index.html", "/graphiql.html")
                .addResourceLocations(LOCATION)
                .setCacheControl(REVALIDATED)
                .setUseLastModified(false)
                .setEtagGenerator(this::etag)
                .resourceChain(false)
                .addResolver(new ServerPreferredEncodings());
    }

    /** A strong ETag per representation (plain, br, gz): the SHA-256 of its bytes, read once per file. */
    private String etag(Resource resource) {
        try {
            String key = resource.getURL() + "@" + resource.lastModified();
            return etags.computeIfAbsent(key, k -> sha256(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Resource resource) {
        try (var in = resource.getInputStream()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
