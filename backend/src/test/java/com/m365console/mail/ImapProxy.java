package com.m365console.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A TCP proxy in front of a test IMAP server that records the client's command lines and can hang up on one. */
final class ImapProxy implements AutoCloseable {

    private final ServerSocket socket;
    private final MailEndpoint target;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> hangUpOn = line -> false;
    private final List<Map.Entry<Predicate<String>, Runnable>> beforeForwarding = new CopyOnWriteArrayList<>();

    ImapProxy(MailEndpoint target) throws IOException {
        this.target = target;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::serve, "imap-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    MailEndpoint endpoint() {
        return new MailEndpoint(socket.getInetAddress().getHostAddress(), socket.getLocalPort(), MailSecurity.NONE);
    }

    /** Command lines sent so far; AUTHENTICATE lines are kept without their credentials. */
    List<String> commands() {
        return List.copyOf(commands);
    }

    List<String> commandsContaining(String text) {
        return commands().stream().filter(line -> line.contains(text)).toList();
    }

    void hangUpOn(Predicate<String> line) {
        hangUpOn = line;
    }

    /** Runs {@code action} once, just before the first command line matching {@code line} reaches the server. */
    void before(Predicate<String> line, Runnable action) {
        beforeForwarding.add(Map.entry(line, action));
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket server = new Socket(target.host(), target.port());
                Thread down = new Thread(() -> pump(server, client), "imap-proxy-down");
                down.setDaemon(true);
                down.start();
                Thread up = new Thread(() -> forwardLines(client, server), "imap-proxy-up");
                up.setDaemon(true);
                up.start();
            } catch (IOException e) {
                // The test closed the proxy.
            }
        }
    }

    private void forwardLines(Socket client, Socket server) {
        try (client;
                server) {
            InputStream in = client.getInputStream();
            OutputStream out = server.getOutputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1; b = in.read()) {
                line.write(b);
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1).strip();
                    commands.add(text.contains("AUTHENTICATE") ? "AUTHENTICATE [not recorded]" : text);
                    if (hangUpOn.test(text)) {
                        return;
                    }
                    for (Map.Entry<Predicate<String>, Runnable> hook : beforeForwarding) {
                        if (hook.getKey().test(text) && beforeForwarding.remove(hook)) {
                            hook.getValue().run();
                        }
                    }
                    out.write(line.toByteArray());
                    out.flush();
                    line.reset();
                }
            }
        } catch (IOException e) {
            // Either side hung up.
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // Either side hung up.
        } finally {
            try {
                to.close();
                from.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
