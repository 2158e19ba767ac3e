package com.m365console.security;

import com.m365console.platform.database.PostgresNotifications;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;

/**
 * Hears which credentials any instance took back and closes this instance's sockets that use them. Each time
 * listening (re)starts, every open socket's credential is checked again, since notices sent meanwhile are lost.
 */
@Component
class CredentialRevocationListener {

    private final PostgresNotifications notifications;
    private final OpenSockets sockets;
    private Disposable listening;

    CredentialRevocationListener(PostgresNotifications notifications, OpenSockets sockets) {
        this.notifications = notifications;
        this.sockets = sockets;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        listening = notifications
                .listen(RevokedCredential.CHANNEL, () -> sockets.recheckAll().subscribe())
                .subscribe(payload -> RevokedCredential.parse(payload).ifPresent(sockets::revoke));
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        if (listening != null) {
            listening.dispose();
        }
    }
}
