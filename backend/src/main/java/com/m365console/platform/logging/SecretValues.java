package com.m365console.platform.logging;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret values seen lately in requests (found by {@link SecretInputs} at the schema's {@code @secret}
 * positions), masked in every log line for a while, in whatever shape a logger prints them: as sent, or
 * escaped once or twice as JSON. Bounded: at most {@value #CAPACITY} values, each kept {@value #KEEP_SECONDS} s,
 * the oldest dropped first (a request's own log lines come within milliseconds); of a value longer than
 * {@value #LONGEST} characters (no real secret is), its start.
 */
public final class SecretValues {

    static final int CAPACITY = 1000;
    static final long KEEP_SECONDS = 120;
    private static final int SHORT = 8;
    private static final int LONGEST = 4096;

    private static final Map<String, Long> EXPIRY = new ConcurrentHashMap<>();

    private SecretValues() {}

    public static void remember(Collection<String> values) {
        long expires = System.nanoTime() + KEEP_SECONDS * 1_000_000_000L;
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                String kept = value.length() > LONGEST ? value.substring(0, LONGEST) : value;
                for (String shape : new String[] {kept, jsonEscaped(kept), jsonEscaped(jsonEscaped(kept))}) {
                    EXPIRY.put(shape, expires);
                }
            }
        }
        if (EXPIRY.size() > CAPACITY) {
            evict();
        }
    }

    static String mask(String message) {
        if (message == null || EXPIRY.isEmpty()) {
            return message;
        }
        String result = message;
        for (String value : EXPIRY.keySet()) {
            if (result.contains(value)) {
                result = value.length() < SHORT ? maskWord(result, value) : result.replace(value, LogRedaction.MASK);
            }
        }
        return result;
    }

    /** Only for tests that must start from an empty registry. */
    static void forget() {
        EXPIRY.clear();
    }

    /** A short value is masked only where it stands alone, so a short password does not garble every line. */
    private static String maskWord(String message, String value) {
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])");
        return word.matcher(message).replaceAll(Matcher.quoteReplacement(LogRedaction.MASK));
    }

    private static void evict() {
        long now = System.nanoTime();
        EXPIRY.values().removeIf(expiry -> expiry - now < 0);
        int excess = EXPIRY.size() - CAPACITY;
        if (excess > 0) {
            EXPIRY.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .limit(excess)
                    .map(Map.Entry::getKey)
                    .toList()
                    .forEach(EXPIRY::remove);
        }
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
