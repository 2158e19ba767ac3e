package com.m365console.bench;

import com.m365console.testsupport.microsoft.graph.RecordedRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the app asked the Graph look-alike during one phase, from its request log: HTTP requests by kind (delta
 * pages, {@code $batch}, folders, other) and, apart, the steps inside the batches by kind (attachments, folders).
 */
record GraphRequests(int requests, Map<String, Integer> byKind, int steps, Map<String, Integer> stepsByKind) {

    /** The requests recorded after the first {@code from} of the log. */
    static GraphRequests since(List<RecordedRequest> log, int from) {
        Map<String, Integer> byKind = new TreeMap<>();
        Map<String, Integer> stepsByKind = new TreeMap<>();
        int requests = 0;
        int steps = 0;
        for (RecordedRequest request : log.subList(from, log.size())) {
            if (request.batched()) {
                steps++;
                stepsByKind.merge(kind(request.path()), 1, Integer::sum);
            } else {
                requests++;
                byKind.merge(kind(request.path()), 1, Integer::sum);
            }
        }
        return new GraphRequests(requests, byKind, steps, stepsByKind);
    }

    private static String kind(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/$batch")) {
            return "$batch";
        }
        if (lower.endsWith("/messages/delta")) {
            return "delta pages";
        }
        if (lower.endsWith("/attachments")) {
            return "attachments";
        }
        return lower.contains("/mailfolders") ? "folders" : "other (" + path + ")";
    }

    /** {@code 23.4 (delta pages 20.2, $batch 3.1, folders 0.1), steps in batches 60.0 (attachments 60.0)}. */
    String perThousand(int messages) {
        return String.format(
                Locale.US,
                "%.1f (%s), steps in batches %.1f (%s)",
                requests * 1000.0 / messages,
                describe(byKind, messages),
                steps * 1000.0 / messages,
                describe(stepsByKind, messages));
    }

    /** {@code 12 (delta pages 9, $batch 2, folders 1), steps in batches 20 (attachments 20)}. */
    String counts() {
        return requests + " (" + describe(byKind, 0) + "), steps in batches " + steps + " (" + describe(stepsByKind, 0)
                + ")";
    }

    private static String describe(Map<String, Integer> counts, int perThousandOf) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        counts.forEach((kind, n) -> {
            text.append(text.isEmpty() ? "" : ", ").append(kind).append(' ');
            text.append(
                    perThousandOf == 0
                            ? String.valueOf(n)
                            : String.format(Locale.US, "%.1f", n * 1000.0 / perThousandOf));
        });
        return text.toString();
    }
}
