package com.m365console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The audit log holds what was recorded before it existed: settings changes made before V18 (in a schema of
 * this test's own, migrated to V16, given history, then migrated to the end) appear with their values and names.
 */
@IntegrationTest
class AuditLogMigrationTest {

    private static final String SCHEMA = "audit_migration_test";

    @Autowired
    Environment environment;

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection connection = connect()) {
            connection.createStatement().execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void settingsChangesAndLockoutsFromBeforeV18AppearInTheLog() throws Exception {
        dropSchema();
        flyway("16").migrate();
        try (Connection connection = connect()) {
            connection.createStatement().execute("""
                    set search_path to %s;
                    insert into app_user (id, username, display_name, role)
                    values ('6f1d1b5e-0000-4000-8000-000000000001', 'alice', 'Alice', 'ADMIN');
                    insert into system_setting_change (name, action, old_value, new_value, changed_by, changed_at) values
                      ('microsoft.tenant', 'SET', null, 'common', '6f1d1b5e-0000-4000-8000-000000000001',
                       '2024-05-01T10:00:00Z'),
                      ('microsoft.client_secret', 'SECRET_REPLACED', null, null,
                       '6f1d1b5e-0000-4000-8000-000000000001', '2024-05-01T10:00:01Z'),
                      ('microsoft.tenant', 'RESET_TO_DEFAULT', 'common', null,
                       '6f1d1b5e-0000-4000-8000-000000000001', '2024-05-02T09:00:00Z');
                    insert into audit_event (occurred_at, action, actor_id, actor_name, details)
                    values ('2024-05-03T08:00:00Z', 'SIGN_IN_LOCKED', null, 'mallory', '{"scope": "ACCOUNT"}');
                    """.formatted(SCHEMA));
        }

        flyway(null).migrate();

        List<String> rows = new ArrayList<>();
        try (Connection connection = connect();
                ResultSet result = connection.createStatement().executeQuery("""
                        select occurred_at, action, actor_id, actor_name, details::text
                        from %s.audit_event order by occurred_at, id""".formatted(SCHEMA))) {
            while (result.next()) {
                rows.add(result.getString(2) + " " + result.getString(3) + " " + result.getString(4) + " "
                        + result.getString(5));
            }
        }
        assertThat(rows)
                .containsExactly(
                        "SETTING_CHANGED 6f1d1b5e-0000-4000-8000-000000000001 alice "
                                + "{\"change\": \"SET\", \"setting\": \"microsoft.tenant\", \"newValue\": \"common\"}",
                        "SETTING_CHANGED 6f1d1b5e-0000-4000-8000-000000000001 alice "
                                + "{\"change\": \"SECRET_REPLACED\", \"setting\": \"microsoft.client_secret\"}",
                        "SETTING_CHANGED 6f1d1b5e-0000-4000-8000-000000000001 alice "
                                + "{\"change\": \"RESET_TO_DEFAULT\", \"setting\": \"microsoft.tenant\", \"oldValue\": \"common\"}",
                        "SIGN_IN_LOCKED null mallory {\"scope\": \"ACCOUNT\"}");
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(url(), user(), password())
                .schemas(SCHEMA)
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(url(), user(), password());
    }

    private String url() {
        return environment.getRequiredProperty("spring.flyway.url");
    }

    private String user() {
        return environment.getProperty("spring.flyway.user");
    }

    private String password() {
        return environment.getProperty("spring.flyway.password");
    }
}
