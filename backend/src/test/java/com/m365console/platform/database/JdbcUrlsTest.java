package com.m365console.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Flyway's JDBC URL follows from the one R2DBC URL a deployment configures. */
class JdbcUrlsTest {

    @Test
    void convertsPlainAndPooledUrls() {
        assertThat(JdbcUrls.fromR2dbc("r2dbc:postgresql://db:5432/m365?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5432/m365?sslmode=require");
        assertThat(JdbcUrls.fromR2dbc("r2dbc:pool:postgresql://db/m365")).isEqualTo("jdbc:postgresql://db/m365");
    }

    @Test
    void refusesSomethingElseWithAnExample() {
        assertThatThrownBy(() -> JdbcUrls.fromR2dbc("jdbc:postgresql://db/m365"))
                .hasMessageContaining("r2dbc:postgresql://host:port/database");
    }
}
