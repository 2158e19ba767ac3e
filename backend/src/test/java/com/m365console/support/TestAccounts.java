package com.m365console.support;

import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;

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

    public void reset() {
        db.sql(
                        "truncate audit_event, system_setting_change, system_setting, app_user, mailbox, sign_in_throttle cascade")
                .then()
                .block();
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
