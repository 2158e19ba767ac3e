package com.m365console.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peak heap of a JVM started with {@code -Xlog:gc:file=<path>}: the most heap in use before any collection
 * logged after a mark ({@code Pause Young ... 150M->30M(256M)}), and the heap in use at the end (jstat).
 */
final class GcLog {

    private static final Pattern BEFORE_AFTER = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** The JVM flag that writes this log. */
    String flag() {
        return "-Xlog:gc:file=" + file;
    }

    /** How many lines there are now: {@link #peakBytesSince} looks only at later ones. */
    int mark() {
        return lines().size();
    }

    /** The most heap in use seen after the mark: before each collection, and now (from jstat). */
    long peakBytesSince(int mark, long pid) {
        List<String> lines = lines();
        long peakMb = 0;
        for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
            Matcher matcher = BEFORE_AFTER.matcher(line);
            if (matcher.find()) {
                peakMb = Math.max(peakMb, Long.parseLong(matcher.group(1)));
            }
        }
        return Math.max(peakMb * 1024 * 1024, usedNow(pid));
    }

    /** Young, survivor and old space in use (jstat -gc), in bytes; 0 when jstat cannot tell. */
    static long usedNow(long pid) {
        try {
            Process jstat = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jstat")
                                    .toString(),
                            "-gc",
                            String.valueOf(pid))
                    .redirectErrorStream(true)
                    .start();
            List<String> out =
                    new String(jstat.getInputStream().readAllBytes()).lines().toList();
            jstat.waitFor();
            if (out.size() < 2) {
                return 0;
            }
            List<String> names = List.of(out.get(0).trim().split("\\s+"));
            String[] values = out.get(1).trim().split("\\s+");
            double kb = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                kb += Double.parseDouble(values[names.indexOf(column)]);
            }
            return (long) (kb * 1024);
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
