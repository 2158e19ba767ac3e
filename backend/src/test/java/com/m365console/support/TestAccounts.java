package com.m365console.support;

import io.r2dbc.spi.R2dbcException;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.util.retry.Retry;

/**
 * Puts the database into a known state for a test: no settings, no audit rows, no sign-in failures counted,
 * exactly the accounts it creates.
 */
@TestComponent
public class TestAccounts {

    public static final String PASSWORD = "correct-horse-battery";

    private final DatabaseClient db;
    private final PasswordEncoder passwordEncoder;

    TestAccounts(DatabaseClient db, PasswordEncoder passwordEncoder) {
        this.db = db;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Empties the accounts, settings and mailboxes. The app's background work (schedule, push watchers, another
     * instance) may hold row locks the truncate waits for in another order: PostgreSQL then ends one of them with a
     * deadlock, and the truncate is simply tried again.
     */
    public void reset() {
        db.sql(
                        "truncate audit_event, system_setting_change, system_setting, app_user, mailbox, sign_in_throttle cascade")
                .then()
                .retryWhen(Retry.max(3).filter(TestAccounts::deadlock))
                .block();
    }

    private static boolean deadlock(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && "40P01".equals(r2dbc.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    public UUID create(String username, String role) {
        return create(username, role, false);
    }

    public UUID create(String username, String role, boolean mustChangePassword) {
        return db.sql("""
                insert into app_user (username, display_name, password_hash, role, must_change_password)
                values (:username, :username, :hash, :role, :mustChange) returning id""")
                .bind("username", username)
                .bind("hash", passwordEncoder.encode(PASSWORD))
                .bind("role", role)
                .bind("mustChange", mustChangePassword)
                .map(row -> row.get("id", UUID.class))
                .one()
                .block();
    }
}
