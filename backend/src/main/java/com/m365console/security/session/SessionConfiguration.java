package com.m365console.security.session;

import com.m365console.platform.crypto.SecretCipher;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;
import reactor.core.publisher.Mono;

/**
 * Browser sessions live in PostgreSQL (Spring Session over our repository) instead of one instance's memory:
 * a restart keeps everybody signed in, every instance behind a load balancer knows every session, and ending
 * one reaches them all. The cookie itself is configured by the {@code WebSessionIdResolver} bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    @Bean
    PostgresSessionRepository sessionRepository(
            DatabaseClient db,
            SecretCipher cipher,
            @Value("${server.reactive.session.timeout:30m}") Duration timeout,
            @Value("${m365.session.touch-every:PT1M}") Duration touchEvery) {
        return new PostgresSessionRepository(db, cipher, timeout, touchEvery);
    }

    @Bean
    ExpiredSessions expiredSessions(PostgresSessionRepository sessions) {
        return new ExpiredSessions(sessions);
    }

    /** Deletes expired sessions now and then, announcing each so their sockets close too. */
    static class ExpiredSessions {

        private final PostgresSessionRepository sessions;

        ExpiredSessions(PostgresSessionRepository sessions) {
            this.sessions = sessions;
        }

        @Scheduled(
                fixedDelayString = "${m365.session.purge-every:PT1M}",
                initialDelayString = "${m365.session.purge-every:PT1M}")
        Mono<Void> purge() {
            return sessions.purgeExpired()
                    .timeout(Duration.ofSeconds(30))
                    .doOnNext(count -> {
                        if (count > 0) {
                            log.info("Ended {} expired session(s)", count);
                        }
                    })
                    .onErrorResume(ex -> {
                        log.warn("Could not purge expired sessions: {}", ex.toString());
                        return Mono.empty();
                    })
                    .then();
        }
    }
}
