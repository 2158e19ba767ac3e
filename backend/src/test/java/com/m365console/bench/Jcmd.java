package com.m365console.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks another JVM (the app's) through the JDK's jcmd: its heap in use after a full collection, a class histogram. */
final class Jcmd {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private Jcmd() {}

    /** Runs a full GC in the process, then answers its heap in use in bytes. */
    static long heapUsedAfterGc(long pid) throws Exception {
        run(pid, "GC.run");
        String info = run(pid, "GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("No heap figure in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    static String run(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(pid),
                        command)
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return out;
    }
}
