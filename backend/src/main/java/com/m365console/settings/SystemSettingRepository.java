package com.m365console.settings;

import com.m365console.platform.crypto.EncryptedValue;
import com.m365console.security.AuditEvent;
import com.m365console.security.AuditEvents;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL for system_setting and its audit trail (the settings' own history and the audit log). */
@Repository
class SystemSettingRepository {

    private final DatabaseClient db;
    private final AuditEvents audit;

    SystemSettingRepository(DatabaseClient db, AuditEvents audit) {
        this.db = db;
        this.audit = audit;
    }

    /** Serialises writers of system settings until the surrounding transaction ends. */
    Mono<Void> lockForUpdate() {
        return db.sql("select pg_advisory_xact_lock(hashtext('system_setting'))")
                .then();
    }

    Flux<StoredSetting> findByPrefix(String prefix) {
        return db.sql("""
                select s.name, s.text_value, s.secret_ciphertext, s.secret_key_id, s.updated_at, u.username
                from system_setting s left join app_user u on u.id = s.updated_by
                where s.name like :prefix || '%'""")
                .bind("prefix", prefix)
                .map((row, meta) -> new StoredSetting(
                        row.get("name", String.class),
                        row.get("text_value", String.class),
                        row.get("secret_key_id", String.class) == null
                                ? null
                                : new EncryptedValue(
                                        row.get("secret_key_id", String.class),
                                        row.get("secret_ciphertext", byte[].class)),
                        row.get("updated_at", OffsetDateTime.class),
                        row.get("username", String.class)))
                .all();
    }

    Mono<Void> saveText(String name, String value, UUID actor) {
        return db.sql("""
                insert into system_setting (name, text_value, updated_at, updated_by) values (:name, :value, now(), :actor)
                on conflict (name) do update set text_value = excluded.text_value, secret_ciphertext = null,
                    secret_key_id = null, updated_at = now(), updated_by = excluded.updated_by""")
                .bind("name", name)
                .bind("value", value)
                .bind("actor", actor)
                .then();
    }

    Mono<Void> saveSecret(String name, EncryptedValue secret, UUID actor) {
        return db.sql("""
                insert into system_setting (name, secret_ciphertext, secret_key_id, updated_at, updated_by)
                values (:name, :ciphertext, :keyId, now(), :actor)
                on conflict (name) do update set text_value = null, secret_ciphertext = excluded.secret_ciphertext,
                    secret_key_id = excluded.secret_key_id, updated_at = now(), updated_by = excluded.updated_by""")
                .bind("name", name)
                .bind("ciphertext", secret.ciphertext())
                .bind("keyId", secret.keyId())
                .bind("actor", actor)
                .then();
    }

    Mono<Void> delete(String name) {
        return db.sql("delete from system_setting where name = :name")
                .bind("name", name)
                .then();
    }

    Mono<Void> recordChange(String name, SettingChangeAction action, String oldValue, String newValue, UUID actor) {
        DatabaseClient.GenericExecuteSpec spec =
                db.sql("""
                insert into system_setting_change (name, action, old_value, new_value, changed_by)
                values (:name, :action, :old, :new, :actor)""").bind("name", name).bind("action", action.name()).bind("actor", actor);
        spec = oldValue == null ? spec.bindNull("old", String.class) : spec.bind("old", oldValue);
        spec = newValue == null ? spec.bindNull("new", String.class) : spec.bind("new", newValue);
        return spec.then()
                .then(audit.record(
                        AuditEvent.by(AuditEvent.SETTING_CHANGED, actor, details(name, action, oldValue, newValue))));
    }

    /** A secret's change is recorded without any value, whatever the caller passed. */
    private static Map<String, Object> details(
            String name, SettingChangeAction action, String oldValue, String newValue) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("setting", name);
        details.put("change", action.name());
        boolean secret = action == SettingChangeAction.SECRET_REPLACED || action == SettingChangeAction.SECRET_CLEARED;
        if (!secret && oldValue != null) {
            details.put("oldValue", oldValue);
        }
        if (!secret && newValue != null) {
            details.put("newValue", newValue);
        }
        return details;
    }

    Flux<SettingChange> findChanges(String prefix, int limit) {
        return db.sql("""
                select c.id, c.name, c.action, c.old_value, c.new_value,
                    coalesce(u.username, '(deleted user)') as username, c.changed_at
                from system_setting_change c left join app_user u on u.id = c.changed_by
                where c.name like :prefix || '%'
                order by c.changed_at desc, c.id desc limit :limit""")
                .bind("prefix", prefix)
                .bind("limit", limit)
                .map((row, meta) -> new SettingChange(
                        row.get("id", Long.class),
                        row.get("name", String.class),
                        SettingChangeAction.valueOf(row.get("action", String.class)),
                        row.get("old_value", String.class),
                        row.get("new_value", String.class),
                        row.get("username", String.class),
                        row.get("changed_at", OffsetDateTime.class)))
                .all();
    }
}
