package com.m365console.platform.ratelimit;

import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Limits user-triggered calls that reach Microsoft or a mail server, per subject and operation, with a fixed
 * window counter in PostgreSQL: one atomic upsert per call, so every instance counts against the same limit.
 * Scheduled synchronisation and IMAP IDLE push do not come through here.
 */
@Repository
public class OperationRateLimits {

    private final DatabaseClient db;
    private final RateLimitProperties properties;

    OperationRateLimits(DatabaseClient db, RateLimitProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    /**
     * Runs the action when the subject (a mailbox id, an app registration) is within its limit for the operation;
     * otherwise answers {@code refused} with a RATE_LIMITED error saying when to try again, running nothing.
     */
    public <T> Mono<T> within(
            RateLimitedOperation operation, String subject, Function<UserError, T> refused, Supplier<Mono<T>> action) {
        int limit = properties.limit(operation);
        return count(operation, subject)
                .flatMap(window -> window.calls() <= limit
                        ? action.get()
                        : Mono.just(refused.apply(new UserError(
                                null, UserErrorCode.RATE_LIMITED, message(operation, limit, window.retryIn())))));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    public Mono<Void> purgeEndedWindows() {
        return db.sql("delete from operation_rate_limit where window_start <= now() - make_interval(secs => :seconds)")
                .bind("seconds", seconds(properties.window()))
                .then();
    }

    private Mono<Window> count(RateLimitedOperation operation, String subject) {
        return db.sql("""
                insert into operation_rate_limit as l (subject, operation, window_start, calls)
                values (:subject, :operation, now(), 1)
                on conflict (subject, operation) do update
                set window_start = case when l.window_start <= now() - make_interval(secs => :seconds)
                        then now() else l.window_start end,
                    calls = case when l.window_start <= now() - make_interval(secs => :seconds)
                        then 1 else least(l.calls, 1000000) + 1 end
                returning calls,
                    extract(epoch from l.window_start + make_interval(secs => :seconds) - now()) as retry_in""")
                .bind("subject", subject)
                .bind("operation", operation.name())
                .bind("seconds", seconds(properties.window()))
                .map(row -> new Window(
                        row.get("calls", Integer.class),
                        Duration.ofMillis(
                                Math.round(row.get("retry_in", Number.class).doubleValue() * 1000))))
                .one();
    }

    private String message(RateLimitedOperation operation, int limit, Duration retryIn) {
        long seconds = Math.max(1, (retryIn.toMillis() + 999) / 1000);
        return operation.label() + " was asked " + limit + " times for " + operation.subject() + " within "
                + describe(properties.window()) + ": try again in " + seconds
                + (seconds == 1 ? " second." : " seconds.");
    }

    private static String describe(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 60 == 0) {
            long minutes = seconds / 60;
            return minutes == 1 ? "a minute" : minutes + " minutes";
        }
        return seconds + " seconds";
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** The subject's calls in its current window, and how long until that window ends. */
    private record Window(int calls, Duration retryIn) {}
}
