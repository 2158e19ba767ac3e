package com.m365console.bench;

import com.m365console.M365ConsoleApplication;
import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.platform.crypto.SecretCipher;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Starts the benchmarks' app and empties it but for one user owning one connected mailbox of the bench server. */
final class BenchMailbox {

    static final String USERNAME = "bench";
    static final String PASSWORD = "bench-password-" + UUID.randomUUID();

    private BenchMailbox() {}

    /** The app, on a free port, with the bench mail server as its IMAP server and the test profile's quiet schedules. */
    static ConfigurableApplicationContext startApp(int imapPort) {
        return new SpringApplicationBuilder(M365ConsoleApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--m365.mail.imap.host=127.0.0.1",
                        "--m365.mail.imap.port=" + imapPort,
                        "--m365.mail.imap.security=NONE",
                        "--m365.data-dir=target/bench-data",
                        "--logging.level.root=WARN");
    }

    /** Empties the app's tables, then adds the user and a mailbox whose access token the bench server accepts. */
    static UUID create(ConfigurableApplicationContext app, String address) {
        DatabaseClient db = app.getBean(DatabaseClient.class);
        SecretCipher cipher = app.getBean(SecretCipher.class);
        db.sql("truncate system_setting_change, system_setting, app_user, mailbox cascade")
                .then()
                .block();
        UUID owner = db.sql("insert into app_user (username, display_name, role, password_hash) "
                        + "values (:username, 'Bench', 'USER', :hash) returning id")
                .bind("username", USERNAME)
                .bind("hash", app.getBean(PasswordEncoder.class).encode(PASSWORD))
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
        UUID mailboxId = db.sql("insert into mailbox (kind, owner_id, address, state) values ('PERSONAL', :owner, "
                        + ":address, 'CONNECTED') returning id")
                .bind("owner", owner)
                .bind("address", address)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
        EncryptedValue token = cipher.encrypt(BenchMailServer.TOKEN, "mailbox_token.access:" + mailboxId);
        db.sql("insert into mailbox_token (mailbox_id, access_token, access_key_id, access_expires_at) "
                        + "values (:id, :token, :key, :expires)")
                .bind("id", mailboxId)
                .bind("token", token.ciphertext())
                .bind("key", token.keyId())
                .bind("expires", OffsetDateTime.now().plusDays(1))
                .then()
                .block();
        return mailboxId;
    }
}
