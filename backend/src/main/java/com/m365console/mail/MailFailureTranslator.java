package com.m365console.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;

/**
 * Turns Jakarta Mail failures into {@link MailServerException}s an admin can act on, with every piece of server
 * text scrubbed of the access token and the XOAUTH2 string (servers may echo what the client sent).
 */
final class MailFailureTranslator {

    /** Why is for the caller to say: a token ended early, or (refused again after a refresh) mail access is off. */
    static final String TOKEN_REFUSED = "The mail server refused the access token";

    private static final String REDACTED = "[redacted]";
    private static final Pattern OPAQUE_RUN = Pattern.compile("[A-Za-z0-9+/=_-]{40,}");
    /** What Angus Mail's SMTP transport says when the server's AUTH line lacks XOAUTH2. */
    private static final String SMTP_NO_COMMON_MECHANISM = "No authentication mechanisms supported by both";

    private static final Pattern SMTP_AUTH_REFUSED = Pattern.compile("^\\s*535\\b");

    private final String protocol;
    private final MailEndpoint endpoint;
    private final List<String> secrets;

    MailFailureTranslator(String protocol, MailEndpoint endpoint, String address, String accessToken) {
        this.protocol = protocol;
        this.endpoint = endpoint;
        String xoauth2 = "user=" + address + "\u0001auth=Bearer " + accessToken + "\u0001\u0001";
        this.secrets = Stream.of(xoauth2, base64(xoauth2), accessToken, base64(accessToken))
                .filter(secret -> secret != null && !secret.isBlank())
                .toList();
    }

    MailServerException translate(Exception failure, MailFailure otherwise) {
        if (failure instanceof MailServerException known) {
            return known;
        }
        String where = protocol + " server " + endpoint.hostAndPort();
        String reply = redact(failure.getMessage());
        if (causeOf(failure, Xoauth2OnlyImapStore.Xoauth2NotOffered.class) != null
                || reply.contains(SMTP_NO_COMMON_MECHANISM)) {
            return new MailServerException(
                    MailFailure.AUTHENTICATION_REFUSED,
                    "The " + where + " does not offer XOAUTH2 login; check the mail server host and port.");
        }
        if (failure instanceof AuthenticationFailedException
                || SMTP_AUTH_REFUSED.matcher(reply).find()) {
            return new MailServerException(
                    MailFailure.TOKEN_REFUSED, TOKEN_REFUSED + " (" + where + " answered: " + reply + ")");
        }
        if (failure instanceof SendFailedException sendFailed
                && sendFailed.getInvalidAddresses() != null
                && sendFailed.getInvalidAddresses().length > 0) {
            String refused = Arrays.stream(sendFailed.getInvalidAddresses())
                    .map(Address::toString)
                    .collect(Collectors.joining(", "));
            return new MailServerException(
                    MailFailure.SEND_FAILED, "The " + where + " refused the recipients " + refused + ": " + reply);
        }
        if (causeOf(failure, SocketTimeoutException.class) != null) {
            return new MailServerException(MailFailure.TIMEOUT, "The " + where + " did not answer in time.");
        }
        if (causeOf(failure, UnknownHostException.class) != null) {
            return new MailServerException(
                    MailFailure.CONNECTION_FAILED, "Could not connect to the " + where + ": unknown host.");
        }
        Throwable refusedConnection = causeOf(failure, ConnectException.class);
        if (refusedConnection != null) {
            return new MailServerException(
                    MailFailure.CONNECTION_FAILED,
                    "Could not connect to the " + where + ": " + redact(refusedConnection.getMessage()) + ".");
        }
        Throwable tls = causeOf(failure, SSLException.class);
        if (tls != null) {
            return new MailServerException(
                    MailFailure.CONNECTION_FAILED,
                    "TLS with the " + where + " failed: " + redact(tls.getMessage()) + ".");
        }
        String verb = otherwise == MailFailure.SEND_FAILED ? "Sending through the " : "Talking to the ";
        return new MailServerException(otherwise, verb + where + " failed: " + reply);
    }

    private String redact(String text) {
        if (text == null || text.isBlank()) {
            return "no reply";
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        result = OPAQUE_RUN.matcher(result).replaceAll(REDACTED);
        return result.replaceAll("\\s+", " ").trim();
    }

    private static Throwable causeOf(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static String base64(String value) {
        return value == null ? null : Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
