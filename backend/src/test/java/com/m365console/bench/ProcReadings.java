package com.m365console.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What Linux's /proc says about a process: CPU time used so far, peak and current resident memory. */
final class ProcReadings {

    /** USER_HZ: the unit of utime and stime in /proc/[pid]/stat (100 on Linux everywhere in practice). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcReadings() {}

    /** User plus system CPU seconds of the process so far; 0 once it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Peak resident set size (VmHWM) in bytes since the start or the last {@link #resetPeakRss}. */
    static long peakRssBytes(long pid) {
        return statusKb(pid, "VmHWM:") * 1024;
    }

    /** Starts VmHWM again from the current RSS (writes 5 to /proc/[pid]/clear_refs), so a peak is of one phase. */
    static void resetPeakRss(long pid) {
        try {
            Files.writeString(Path.of("/proc", String.valueOf(pid), "clear_refs"), "5");
        } catch (IOException e) {
            throw new IllegalStateException("Could not reset the peak RSS of " + pid, e);
        }
    }

    private static long statusKb(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
                    .mapToLong(Long::parseLong)
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
