package com.m365console.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.r2dbc.core.DatabaseClient;

/** What canary tests search for a secret in clear: everything the app stores, and a secret's bytes as bytea shows them. */
public final class StoredValues {

    private StoredValues() {}

    /** Every row of every table of the app as JSON text (bytea as hex): where a token in clear would show. */
    public static String everything(DatabaseClient db) {
        return db.sql("select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE'")
                .map(row -> row.get(0, String.class))
                .all()
                .concatMap(table -> db.sql(
                                "select coalesce(string_agg(to_jsonb(t)::text, ' '), '') from \"" + table + "\" t")
                        .map(row -> row.get(0, String.class))
                        .one())
                .collectList()
                .map(rows -> String.join("\n", rows))
                .block(Duration.ofSeconds(30));
    }

    /** The secret's UTF-8 bytes in hex, as a bytea column would hold them in clear. */
    public static String hex(String secret) {
        return HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
    }
}
