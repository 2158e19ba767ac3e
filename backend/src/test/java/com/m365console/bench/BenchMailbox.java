package com.m365console.bench;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.platform.crypto.SecretCipher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sets up the benchmarks' app database: no data but one user owning one connected mailbox of the bench server. */
final class BenchMailbox {

    static final String USERNAME = "bench";
    static final String PASSWORD = "bench-password-" + UUID.randomUUID();

    private BenchMailbox() {
    }

    /** Empties the app's tables, then adds the user and a mailbox whose access token the bench server accepts. */
    static UUID create(ConfigurableApplicationContext app, String address) {
        DatabaseClient db = app.getBean(DatabaseClient.class);
        SecretCipher cipher = app.getBean(SecretCipher.class);
        db.sql("truncate system_setting_change, system_setting, app_user, mailbox cascade").then().block();
        UUID owner = db.sql("insert into app_user (username, display_name, role, password_hash) "
                        + "values (:username, 'Bench', 'USER', :hash) returning id")
                .bind("username", USERNAME).bind("hash", app.getBean(PasswordEncoder.class).encode(PASSWORD))
                .map(row -> row.get(0, UUID.class)).one().block();
        UUID mailboxId = db.sql("insert into mailbox (kind, owner_id, address, state) values ('PERSONAL', :owner, "
                        + ":address, 'CONNECTED') returning id").bind("owner", owner).bind("address", address)
                .map(row -> row.get(0, UUID.class)).one().block();
        EncryptedValue token = cipher.encrypt(BenchMailServer.TOKEN, "mailbox_token.access:" + mailboxId);
        db.sql("insert into mailbox_token (mailbox_id, access_token, access_key_id, access_expires_at) "
                        + "values (:id, :token, :key, :expires)")
                .bind("id", mailboxId).bind("token", token.ciphertext()).bind("key", token.keyId())
                .bind("expires", OffsetDateTime.now().plusDays(1)).then().block();
        return mailboxId;
    }
}
