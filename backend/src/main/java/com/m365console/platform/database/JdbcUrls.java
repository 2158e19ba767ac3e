package com.m365console.platform.database;

/** Turns an R2DBC PostgreSQL URL into the JDBC URL Flyway needs, so the database is configured in one place. */
final class JdbcUrls {

    private JdbcUrls() {}

    static String fromR2dbc(String r2dbcUrl) {
        if (r2dbcUrl == null || !r2dbcUrl.startsWith("r2dbc:")) {
            throw new IllegalArgumentException("spring.r2dbc.url must look like r2dbc:postgresql://host:port/database");
        }
        String rest = r2dbcUrl.substring("r2dbc:".length());
        if (rest.startsWith("pool:")) {
            rest = rest.substring("pool:".length());
        }
        return "jdbc:" + rest;
    }
}
