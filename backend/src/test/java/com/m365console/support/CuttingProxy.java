package com.m365console.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of a test server that passes everything through, until a test arms it: then it
 * drops the next connection after the server has sent a given number of bytes, as a flaky network would.
 */
public final class CuttingProxy implements AutoCloseable {

    private static final long NEVER = Long.MAX_VALUE;

    private final ServerSocket socket;
    private final String targetHost;
    private final int targetPort;
    private final AtomicLong nextCutAfter = new AtomicLong(NEVER);
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
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

    /** How many connections were dropped so far. */
    public int cuts() {
        return cuts.get();
    }

    /** How many connections the app opened through the proxy so far (each IMAP login is one). */
    public int connections() {
        return connections.get();
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
                daemon(() -> pump(server, client, limit), "cutting-proxy-down");
                daemon(() -> pump(client, server, NEVER), "cutting-proxy-up");
            } catch (IOException ex) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, long limit) {
        try (from;
                to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[4096];
            long sent = 0;
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                int allowed = (int) Math.min(n, limit - sent);
                out.write(buffer, 0, allowed);
                out.flush();
                sent += allowed;
                if (sent >= limit) {
                    cuts.incrementAndGet();
                    return;
                }
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
