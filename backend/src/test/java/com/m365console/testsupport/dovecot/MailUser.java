package com.m365console.testsupport.dovecot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system user that owns the test mail and runs Dovecot's unprivileged processes: Dovecot refuses to give mail to
 * root, so as root (CI) this is {@value #NAME}, created on first use; as anyone else it is that user.
 */
record MailUser(String name, String group, int uid, int gid) {

    static final String NAME = "m365mail";

    static MailUser forThisProcess() {
        if (!"0".equals(id("-u"))) {
            return new MailUser(id("-un"), id("-gn"), Integer.parseInt(id("-u")), Integer.parseInt(id("-g")));
        }
        if (run(List.of("id", "-u", NAME)).exitCode() != 0) {
            Result added = run(List.of(
                    "useradd",
                    "--system",
                    "--user-group",
                    "--no-create-home",
                    "--home-dir",
                    "/nonexistent",
                    "--shell",
                    "/usr/sbin/nologin",
                    NAME));
            // 9: another test JVM created it meanwhile.
            if (added.exitCode() != 0 && added.exitCode() != 9) {
                throw new IllegalStateException("useradd " + NAME + " failed: " + added.output());
            }
        }
        return new MailUser(NAME, id("-gn", NAME), Integer.parseInt(id("-u", NAME)), Integer.parseInt(id("-g", NAME)));
    }

    /** Whether files this process writes must be handed to the mail user. */
    boolean differsFromThisProcess() {
        return !name.equals(id("-un"));
    }

    private static String id(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("id"));
        command.addAll(List.of(args));
        Result result = run(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
        }
        return result.output().trim();
    }

    record Result(int exitCode, String output) {}

    static Result run(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 30 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
