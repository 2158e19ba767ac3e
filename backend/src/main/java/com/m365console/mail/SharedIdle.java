package com.m365console.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IdleManager;

/**
 * Lets any number of folders wait in IMAP IDLE on a few threads: Angus Mail's {@link IdleManager} selects over
 * every IDLE connection on one thread, and the folders' events (new mail, closed connection) reach their listeners
 * through one application-wide event queue, not a thread per folder. Sessions it configures use socket channels.
 */
final class SharedIdle implements AutoCloseable {

    /** The selector's own thread plus a few that send DONE (and wait for its answer) when IDLE has to end. */
    private static final int IDLE_THREADS = 4;

    private final ExecutorService idleThreads = Executors.newFixedThreadPool(IDLE_THREADS, daemon("imap-idle-"));
    /** The application-wide event queue takes one thread for as long as it lives; one per class loader. */
    private final ExecutorService eventThreads = Executors.newCachedThreadPool(daemon("imap-idle-events-"));

    private final IdleManager manager;

    SharedIdle() {
        try {
            manager = new IdleManager(Session.getInstance(new Properties()), idleThreads);
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Could not open the selector for IMAP IDLE", e);
        }
    }

    /** Makes a session's IMAP connections selectable and delivers its folders' events through the shared queue. */
    void configure(Properties props) {
        props.setProperty("mail.imap.usesocketchannels", "true");
        props.setProperty("mail.imaps.usesocketchannels", "true");
        props.setProperty("mail.event.scope", "application");
        props.put("mail.event.executor", eventThreads);
    }

    /** Sends IDLE on the folder (opened in a configured session) and returns; the selector reads what follows. */
    void watch(IMAPFolder folder) throws MessagingException {
        manager.watch(folder);
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.stop();
        }
        idleThreads.shutdownNow();
        eventThreads.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        ClassLoader loader = SharedIdle.class.getClassLoader();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }
}
