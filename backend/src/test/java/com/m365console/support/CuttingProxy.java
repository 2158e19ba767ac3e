package com.m365console.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a test server that passes everything through, until a test arms it: then it drops
 * connections after the server has sent a given number of bytes, drops every open (or every new) connection, or
 * slows the server down, as a flaky or slow network would. It also counts the IMAP connections that fetched messages, and how many of them were open at
 * once, which tells a test how many synchronisation runs did IMAP work and whether two ever overlapped.
 */
public final class CuttingProxy implements AutoCloseable {

    private static final long NEVER = Long.MAX_VALUE;

    private final ServerSocket socket;
    private final String targetHost;
    private final int targetPort;
    private final AtomicLong nextCutAfter = new AtomicLong(NEVER);
    private final AtomicLong everyCutAfter = new AtomicLong(NEVER);
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private final AtomicLong bytesPerSecond = new AtomicLong();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger fetching = new AtomicInteger();
    private final AtomicInteger fetchingNow = new AtomicInteger();
    private final AtomicInteger fetchingAtOnce = new AtomicInteger();
    /** Connections passing through now, client side, so a test can cut them wherever they are. */
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private volatile boolean refusing;

    public CuttingProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        daemon(this::serve, "cutting-proxy");
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The next connection is dropped once the server has sent this many bytes to the client. */
    public void cutNextConnectionAfter(long bytes) {
        nextCutAfter.set(bytes);
    }

    /** Drops every connection open now (an idle one too), as a network outage would; counted as cuts. */
    public void cutOpenConnections() {
        for (Socket client : Set.copyOf(open)) {
            if (open.remove(client) && !client.isClosed()) {
                cuts.incrementAndGet();
                closeQuietly(client);
            }
        }
    }

    /** While on, every new connection is dropped as soon as it is made: the server looks unreachable. */
    public void dropEveryConnection(boolean on) {
        refusing = on;
    }

    /** The next {@code count} connections that get this many bytes from the server are dropped there. */
    public void cutConnectionsAfter(int count, long bytes) {
        everyCutAfter.set(bytes);
        cutsLeft.set(count);
    }

    /** The server's bytes reach the client at most this fast (0: as fast as they come). */
    public void throttle(long bytesPerSecondOrZero) {
        bytesPerSecond.set(bytesPerSecondOrZero);
    }

    /** Passes everything through again at full speed, and counts from zero. */
    public void reset() {
        nextCutAfter.set(NEVER);
        everyCutAfter.set(NEVER);
        cutsLeft.set(0);
        bytesPerSecond.set(0);
        cuts.set(0);
        connections.set(0);
        fetching.set(0);
        fetchingAtOnce.set(fetchingNow.get());
        refusing = false;
    }

    /** How many connections were dropped so far. */
    public int cuts() {
        return cuts.get();
    }

    /** How many connections the app opened through the proxy so far (each IMAP login is one). */
    public int connections() {
        return connections.get();
    }

    /** How many connections sent an IMAP FETCH: the runs that read mail (a run's folder each). */
    public int fetchingConnections() {
        return fetching.get();
    }

    /** The most connections that had sent a FETCH and were open at the same time. */
    public int mostFetchingAtOnce() {
        return fetchingAtOnce.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                if (refusing) {
                    cuts.incrementAndGet();
                    closeQuietly(client);
                    continue;
                }
                open.removeIf(Socket::isClosed);
                open.add(client);
                Socket server = new Socket(targetHost, targetPort);
                long limit = nextCutAfter.getAndSet(NEVER);
                daemon(() -> pumpDown(server, client, limit), "cutting-proxy-down");
                daemon(() -> pumpUp(client, server), "cutting-proxy-up");
            } catch (IOException ex) {
                return;
            }
        }
    }

    /** Server to client: where the proxy slows and cuts. */
    private void pumpDown(Socket from, Socket to, long limit) {
        try (from;
                to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[1024];
            long sent = 0;
            boolean spared = false;
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                long cutAt = limit != NEVER ? limit : spared ? NEVER : everyCutAfter.get();
                int allowed = (int) Math.min(n, Math.max(0, cutAt - sent));
                out.write(buffer, 0, allowed);
                out.flush();
                sent += allowed;
                if (sent >= cutAt) {
                    if (limit != NEVER || takeCut()) {
                        cuts.incrementAndGet();
                        return;
                    }
                    spared = true;
                    out.write(buffer, allowed, n - allowed);
                    out.flush();
                    sent += n - allowed;
                }
                pace(n);
            }
        } catch (IOException ex) {
            // One side hung up; closing both ends the connection.
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ex) {
            // Already closed.
        }
    }

    private boolean takeCut() {
        return cutsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    /** Waits as long as {@code bytes} take at the throttled rate: the proxy is the slow network here. */
    private void pace(int bytes) {
        long rate = bytesPerSecond.get();
        if (rate <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(TimeUnit.SECONDS.toNanos(1) * bytes / rate);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Client to server: passed through as it comes, watched for the first FETCH. */
    private void pumpUp(Socket from, Socket to) {
        AtomicBoolean fetched = new AtomicBoolean();
        try (from;
                to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                if (!fetched.get() && isFetch(buffer, n)) {
                    fetched.set(true);
                    fetching.incrementAndGet();
                    int now = fetchingNow.incrementAndGet();
                    fetchingAtOnce.accumulateAndGet(now, Math::max);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ex) {
            // One side hung up; closing both ends the connection.
        } finally {
            if (fetched.get()) {
                fetchingNow.decrementAndGet();
            }
        }
    }

    private static boolean isFetch(byte[] buffer, int length) {
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1)
                .toUpperCase(Locale.ROOT)
                .contains(" FETCH ");
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
