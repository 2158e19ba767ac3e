package com.m365console.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets the app run with no database configured: starts an embedded PostgreSQL under the data directory,
 * and derives Flyway's JDBC settings from the R2DBC ones so a deployment configures its database once.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String R2DBC_URL = "spring.r2dbc.url";
    private static final Map<Path, EmbeddedPostgres> STARTED = new HashMap<>();

    private final Log log;

    public DatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        if (!environment.containsProperty(R2DBC_URL)
                || environment.getProperty(R2DBC_URL, "").isBlank()) {
            Path dataDir = Path.of(environment.getProperty("m365.data-dir", "./data"))
                    .toAbsolutePath()
                    .normalize();
            EmbeddedPostgres postgres = startEmbedded(dataDir.resolve("postgres"));
            derived.put(R2DBC_URL, "r2dbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
            derived.put("spring.r2dbc.username", "postgres");
            derived.put("spring.r2dbc.password", "");
        }
        if (!environment.containsProperty("spring.flyway.url")) {
            String r2dbcUrl = (String) derived.getOrDefault(R2DBC_URL, environment.getProperty(R2DBC_URL));
            derived.put("spring.flyway.url", JdbcUrls.fromR2dbc(r2dbcUrl));
            derived.put(
                    "spring.flyway.user",
                    derived.getOrDefault(
                            "spring.r2dbc.username", environment.getProperty("spring.r2dbc.username", "")));
            derived.put(
                    "spring.flyway.password",
                    derived.getOrDefault(
                            "spring.r2dbc.password", environment.getProperty("spring.r2dbc.password", "")));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("m365-database", derived));
    }

    private EmbeddedPostgres startEmbedded(Path directory) {
        synchronized (STARTED) {
            return STARTED.computeIfAbsent(directory, dir -> {
                try {
                    Files.createDirectories(dir);
                    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                            .setDataDirectory(dir)
                            .setCleanDataDirectory(false)
                            .start();
                    log.info("No database configured (spring.r2dbc.url): started embedded PostgreSQL in " + dir
                            + " on port " + postgres.getPort());
                    return postgres;
                } catch (IOException ex) {
                    throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
                }
            });
        }
    }
}
