package com.m365console.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secret values in log messages, whoever logs them (our code, or a framework at DEBUG printing
 * request variables): values of secret-named keys in JSON and in Java map notation (also a form's
 * {@code password=[value]}), and bearer tokens. A second net behind the schema-driven {@link SecretValues}.
 */
public final class LogRedaction {

    static final String MASK = "[REDACTED]";

    private static final String KEYS = "(?:replaceWith|clientSecret|client_secret|password|currentPassword"
            + "|newPassword|secret|token|accessToken|access_token|refreshToken|refresh_token|id_token|idToken"
            + "|code|code_verifier|client_assertion|xoauth2|authorization)";
    private static final Pattern JSON_VALUE =
            Pattern.compile("(\"" + KEYS + "\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\"?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASSIGNED_VALUE = Pattern.compile(
            "(?<![\\w\"])(" + KEYS + "\\s*=\\s*\\[?)(?!REDACTED\\])([^,&}\\]\\s{\\[][^,&}\\]\\s]*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(Bearer\\s+)[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);

    private LogRedaction() {}

    public static String redact(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String result = replace(BEARER, message, "$1" + MASK);
        result = replace(JSON_VALUE, result, "$1" + MASK + "$3");
        return replace(ASSIGNED_VALUE, result, "$1" + MASK);
    }

    private static String replace(Pattern pattern, String input, String replacement) {
        Matcher matcher = pattern.matcher(input);
        return matcher.find()
                ? matcher.replaceAll(replacement.replace("[", "\\[").replace("]", "\\]"))
                : input;
    }
}
