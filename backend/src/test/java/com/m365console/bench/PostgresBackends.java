package com.m365console.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU the app's PostgreSQL backends spend during a phase: samples pg_stat_activity for the backends of the
 * app's connections (every client backend of its database but this one) and their /proc CPU, from {@link #start} to
 * {@link #stop}; a backend that appears meanwhile counts from zero, one that ends counts up to its last sample.
 */
final class PostgresBackends implements AutoCloseable {

    private final Connection connection;
    private final Map<Long, Double> atStart = new HashMap<>();
    private final Map<Long, Double> latest = new HashMap<>();
    private Thread sampler;

    PostgresBackends() throws SQLException {
        this.connection = JarApp.jdbc();
    }

    void start() {
        atStart.clear();
        latest.clear();
        sample();
        atStart.putAll(latest);
        sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        sample();
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "postgres-backends");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** CPU seconds the backends spent since {@link #start}. */
    double stop() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
        sample();
        double total = 0;
        for (Map.Entry<Long, Double> backend : latest.entrySet()) {
            total += backend.getValue() - atStart.getOrDefault(backend.getKey(), 0.0);
        }
        return total;
    }

    private synchronized void sample() {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select pid from pg_stat_activity where datname = "
                        + "current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()")) {
            while (rows.next()) {
                long pid = rows.getLong(1);
                double cpu = ProcReadings.cpuSeconds(pid);
                if (cpu > 0) {
                    latest.merge(pid, cpu, Math::max);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
