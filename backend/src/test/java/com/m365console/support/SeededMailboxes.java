package com.m365console.support;

import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.platform.crypto.SecretCipher;
import com.m365console.testsupport.microsoft.FakeMicrosoftIdentityPlatform;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Many connected mailboxes at once, written straight into the database with access tokens the identity platform
 * issued (so Dovecot's introspection accepts them): what a hundred sign-ins would leave behind, in a second.
 */
public final class SeededMailboxes {

    private SeededMailboxes() {}

    /** The address of the n-th seeded mailbox, an account of the tenant's domain. */
    public static String address(int n) {
        return "push" + n + "@contoso.com";
    }

    /** Adds accounts push0..push(count-1)@contoso.com to the platform (once per platform). */
    public static void addAccounts(FakeMicrosoftIdentityPlatform microsoft, String tenant, int count) {
        for (int n = 0; n < count; n++) {
            microsoft.addAccount(tenant, UUID.randomUUID().toString(), address(n), "Push " + n);
        }
    }

    /** Connected PERSONAL mailboxes of the owner for push{from}..push{to - 1}, each with a fresh access token. */
    public static List<UUID> create(
            DatabaseClient db,
            SecretCipher cipher,
            FakeMicrosoftIdentityPlatform microsoft,
            String clientId,
            UUID ownerId,
            int from,
            int to) {
        List<UUID> ids = new ArrayList<>();
        for (int n = from; n < to; n++) {
            UUID mailboxId = db.sql("insert into mailbox (kind, owner_id, address, state) values ('PERSONAL', :owner,"
                            + " :address, 'CONNECTED') returning id")
                    .bind("owner", ownerId)
                    .bind("address", address(n))
                    .map(row -> row.get(0, UUID.class))
                    .one()
                    .block();
            String token = microsoft.issueAccessToken(
                    clientId, address(n), "https://outlook.office.com/IMAP.AccessAsUser.All offline_access");
            EncryptedValue access = cipher.encrypt(token, "mailbox_token.access:" + mailboxId);
            db.sql("insert into mailbox_token (mailbox_id, access_token, access_key_id, access_expires_at) "
                            + "values (:id, :token, :key, :expires)")
                    .bind("id", mailboxId)
                    .bind("token", access.ciphertext())
                    .bind("key", access.keyId())
                    .bind("expires", OffsetDateTime.now().plusMinutes(50))
                    .then()
                    .block();
            ids.add(mailboxId);
        }
        return ids;
    }

    /** The id of a user account by name. */
    public static UUID userId(DatabaseClient db, String username) {
        return db.sql("select id from app_user where username = :name")
                .bind("name", username)
                .map(row -> row.get(0, UUID.class))
                .one()
                .block();
    }
}
