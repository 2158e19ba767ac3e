package com.m365console.mail;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Copies everything written to stdout and stderr while open, so tests can prove a secret was never printed. */
final class CapturedOutput implements AutoCloseable {

    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    CapturedOutput() {
        System.setOut(tee(originalOut));
        System.setErr(tee(originalErr));
    }

    String text() {
        System.out.flush();
        System.err.flush();
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private PrintStream tee(PrintStream original) {
        return new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (captured) {
                            captured.write(b);
                        }
                        original.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        synchronized (captured) {
                            captured.write(bytes, offset, length);
                        }
                        original.write(bytes, offset, length);
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }
}
