package com.m365console.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes password guessing slow: counts failed sign-ins per account name and per client address in PostgreSQL
 * (so every instance sees the same counts) and, past a threshold, refuses attempts for a growing while. An
 * attempt is counted before the password is checked, under a row lock, so parallel guesses are counted too;
 * a success clears the account name's count and takes its own count back from the address.
 */
@Component
class SignInThrottle {

    enum Scope {
        ACCOUNT,
        ADDRESS
    }

    private static final int LONGEST_KEY = 256;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final AuditEvents audit;
    private final SignInThrottleProperties limits;
    private final Clock clock;
    private final MeterRegistry meters;

    SignInThrottle(
            DatabaseClient db,
            TransactionalOperator transaction,
            AuditEvents audit,
            SignInThrottleProperties limits,
            Clock clock,
            MeterRegistry meters) {
        this.db = db;
        this.transaction = transaction;
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
        this.meters = meters;
    }

    /** Refuses the attempt while its name or address waits; otherwise counts it as a failure and lets it through. */
    Mono<SignInAttempt> begin(String username, InetSocketAddress remote) {
        String address = addressKey(remote);
        List<Key> keys = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            keys.add(new Key(Scope.ACCOUNT, accountKey(username)));
        }
        keys.add(new Key(Scope.ADDRESS, address));
        Instant now = now();
        Mono<SignInAttempt> counted = Flux.fromIterable(keys)
                .concatMap(key -> lock(key, now))
                .collectList()
                .flatMap(rows -> decide(username, address, rows, now));
        return transaction.transactional(counted);
    }

    /** The password was right: the name starts again from zero, and the address forgets this attempt. */
    Mono<Void> succeeded(SignInAttempt attempt) {
        return Flux.fromIterable(attempt.counts())
                .concatMap(count -> count.scope() == Scope.ACCOUNT
                        ? db.sql("delete from sign_in_throttle where scope = 'ACCOUNT' and key = :key")
                                .bind("key", count.key())
                                .then()
                        : db.sql("""
                        update sign_in_throttle set failures = greatest(failures - 1, 0),
                            locked_until = case when failures - 1 < :threshold then null else locked_until end
                        where scope = 'ADDRESS' and key = :key""")
                                .bind("key", count.key())
                                .bind("threshold", limits.addressFailures())
                                .then())
                .then();
    }

    /** The password was wrong (already counted): a count that reached its threshold is a lockout, audited. */
    Mono<Void> failed(SignInAttempt attempt) {
        meters.counter("m365.sign.in.failures").increment();
        return Flux.fromIterable(attempt.counts())
                .filter(SignInAttempt.Count::locks)
                .doOnNext(count -> meters.counter(
                                "m365.sign.in.lockouts",
                                "scope",
                                count.scope().name().toLowerCase(Locale.ROOT))
                        .increment())
                .concatMap(count -> audit.record(lockout(attempt, count)))
                .then();
    }

    /** Forgets names and addresses quiet for longer than the forget-after time and no longer waiting. */
    @Scheduled(
            fixedDelayString = "${m365.sign-in.throttle.purge-interval:PT1H}",
            initialDelayString = "${m365.sign-in.throttle.purge-interval:PT1H}")
    Mono<Void> purgeOnSchedule() {
        return purge().then();
    }

    Mono<Long> purge() {
        Instant now = now();
        return db.sql("""
                delete from sign_in_throttle
                where last_failure_at < :forgetBefore and (locked_until is null or locked_until <= :now)""")
                .bind("forgetBefore", at(now.minus(limits.forgetAfter())))
                .bind("now", at(now))
                .fetch()
                .rowsUpdated();
    }

    private Mono<Row> lock(Key key, Instant now) {
        return db.sql("""
                insert into sign_in_throttle (scope, key, failures, last_failure_at) values (:scope, :key, 0, :now)
                on conflict (scope, key) do nothing""")
                .bind("scope", key.scope().name())
                .bind("key", key.value())
                .bind("now", at(now))
                .then()
                .then(db.sql("""
                        select failures, locked_until, last_failure_at from sign_in_throttle
                        where scope = :scope and key = :key for update""")
                        .bind("scope", key.scope().name())
                        .bind("key", key.value())
                        .map(row -> Row.of(key, row))
                        .one());
    }

    private Mono<SignInAttempt> decide(String username, String address, List<Row> rows, Instant now) {
        Instant waitUntil = rows.stream()
                .map(Row::lockedUntil)
                .filter(until -> until != null && until.isAfter(now))
                .max(Instant::compareTo)
                .orElse(null);
        if (waitUntil != null) {
            return Mono.just(SignInAttempt.throttled(username, address, Duration.between(now, waitUntil)));
        }
        List<SignInAttempt.Count> counts =
                rows.stream().map(row -> count(row, now)).toList();
        return Flux.fromIterable(counts)
                .concatMap(count -> store(count, now))
                .then(Mono.just(new SignInAttempt(username, address, null, counts)));
    }

    private Mono<Void> store(SignInAttempt.Count count, Instant now) {
        var update = db.sql("""
                update sign_in_throttle set failures = :failures, locked_until = :lockedUntil, last_failure_at = :now
                where scope = :scope and key = :key""")
                .bind("failures", count.failures())
                .bind("now", at(now))
                .bind("scope", count.scope().name())
                .bind("key", count.key());
        return (count.locks()
                        ? update.bind("lockedUntil", at(count.lockedUntil()))
                        : update.bindNull("lockedUntil", OffsetDateTime.class))
                .then();
    }

    private SignInAttempt.Count count(Row row, Instant now) {
        boolean forgotten = row.lastFailureAt().isBefore(now.minus(limits.forgetAfter()));
        int failures = forgotten ? 1 : row.failures() + 1;
        int threshold = row.key().scope() == Scope.ACCOUNT ? limits.accountFailures() : limits.addressFailures();
        Duration delay = limits.delayAfter(failures, threshold);
        return new SignInAttempt.Count(
                row.key().scope(), row.key().value(), failures, delay.isZero() ? null : now.plus(delay));
    }

    private static AuditEvent lockout(SignInAttempt attempt, SignInAttempt.Count count) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("scope", count.scope().name());
        details.put("failures", count.failures());
        details.put("lockedUntil", count.lockedUntil().toString());
        return new AuditEvent(AuditEvent.SIGN_IN_LOCKED, null, attempt.username(), attempt.address(), details);
    }

    /** Names are compared as sign-in compares them (ignoring case); a huge one is kept as its digest. */
    static String accountKey(String username) {
        String name = username.toLowerCase(Locale.ROOT);
        if (name.length() <= LONGEST_KEY) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    /** The connection's address; for IPv6 its /64 network, which one client usually holds whole. */
    static String addressKey(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        InetAddress address = remote.getAddress();
        if (address == null) {
            return remote.getHostString();
        }
        if (address instanceof Inet6Address) {
            byte[] network = address.getAddress();
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException ex) {
                throw new IllegalStateException("16 bytes are always an IPv6 address", ex);
            }
        }
        return address.getHostAddress();
    }

    /** In PostgreSQL's precision, so a stored wait ends exactly when it says. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Key(Scope scope, String value) {}

    private record Row(Key key, int failures, Instant lockedUntil, Instant lastFailureAt) {

        static Row of(Key key, Readable row) {
            OffsetDateTime lockedUntil = row.get("locked_until", OffsetDateTime.class);
            return new Row(
                    key,
                    row.get("failures", Integer.class),
                    lockedUntil == null ? null : lockedUntil.toInstant(),
                    row.get("last_failure_at", OffsetDateTime.class).toInstant());
        }
    }
}
