package com.m365console.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/** A line-based server that answers from a script, to play mail servers GreenMail cannot (echoing, silent, odd). */
final class ScriptedServer implements AutoCloseable {

    private final ServerSocket socket;

    /** Answers each client line with {@code script}'s reply; a null reply hangs up; a null greeting never speaks. */
    ScriptedServer(String greeting, UnaryOperator<String> script) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(greeting, script), "scripted-mail-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** An IMAP server that offers only AUTH=PLAIN and welcomes anything; every client line goes to {@code received}. */
    static ScriptedServer imapWithoutXoauth2(List<String> received) throws IOException {
        return new ScriptedServer("* OK plain IMAP", line -> {
            received.add(line);
            String tag = line.substring(0, line.indexOf(' '));
            if (line.contains("CAPABILITY")) {
                return "* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + " OK done";
            }
            return line.contains("LOGOUT") ? "* BYE\r\n" + tag + " OK bye" : tag + " OK welcome";
        });
    }

    MailEndpoint endpoint() {
        return new MailEndpoint(socket.getInetAddress().getHostAddress(), socket.getLocalPort(), MailSecurity.NONE);
    }

    private void serve(String greeting, UnaryOperator<String> script) {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                if (greeting == null) {
                    client.getInputStream().read();
                    continue;
                }
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                OutputStream out = client.getOutputStream();
                String reply = greeting;
                while (reply != null) {
                    out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    String line = in.readLine();
                    reply = line == null ? null : script.apply(line);
                }
            } catch (IOException e) {
                // The client hung up or the test closed the server.
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
