package com.m365console.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLServerSocket;

/**
 * A TLS-terminating reverse proxy in front of the console, as in production: {@code m365.public-base-url} names
 * this HTTPS address, and what comes in is passed on, decrypted, to the console's own HTTP port (set once the
 * console is up). Bytes are copied both ways, so HTTP itself is untouched.
 */
public final class TlsFront implements AutoCloseable {

    private final ServerSocket server;
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile int targetPort;

    public TlsFront() {
        try {
            server = TestTls.server()
                    .getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            ((SSLServerSocket) server).setUseClientMode(false);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen for TLS", e);
        }
        Thread acceptor = new Thread(this::accept, "tls-front-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The public base URL this front answers on. */
    public String baseUrl() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    /**
     * Where to pass connections on: the console's HTTP port on this machine. Connections passed on before are closed,
     * as when the proxy restarts with a new upstream, so no kept-alive connection still reaches the old one.
     */
    public void forwardTo(int port) {
        targetPort = port;
        open.forEach(TlsFront::closeQuietly);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread pass = new Thread(() -> pass(client), "tls-front-connection");
                pass.setDaemon(true);
                pass.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pass(Socket client) {
        try (client;
                Socket app = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            Thread back = new Thread(() -> copy(app, client), "tls-front-back");
            back.setDaemon(true);
            back.start();
            copy(client, app);
            back.join();
            open.remove(client);
        } catch (IOException ended) {
            // the console's port did not answer; the client sees the connection close
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Copies until either side ends, then closes both (HTTP needs no half-closed connections). */
    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
        } catch (IOException ended) {
            // one side closed or reset the connection
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
