package com.m365console.testsupport.microsoft;

import static com.m365console.testsupport.microsoft.Http.escapeHtml;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The HTML Microsoft's sign-in service shows a person: the sign-in and consent page, and its own error page. */
final class Pages {

    private Pages() {}

    /** One page that signs the user in and asks consent; it posts back to the same authorize URL. */
    static String signIn(String action, String appName, String loginHint, String scope, String error) {
        String permissions = Arrays.stream(scope.trim().split("\\s+"))
                .map(s -> "<li>" + escapeHtml(s) + "</li>")
                .collect(Collectors.joining());
        String alert = error == null ? "" : "<div id=\"usernameError\" role=\"alert\">" + escapeHtml(error) + "</div>";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Sign in to your account</title></head>
                <body>
                <main id="lightbox">
                <div role="heading" aria-level="1">Sign in</div>
                <p>to continue to <strong id="appName">%s</strong></p>
                %s
                <form method="post" action="%s" name="f1">
                <label for="i0116">Email, phone, or Skype</label>
                <input type="email" id="i0116" name="login" value="%s" autocomplete="username">
                <section aria-labelledby="permissionsTitle">
                <h2 id="permissionsTitle">Permissions requested</h2>
                <p>%s would like to:</p>
                <ul>%s</ul>
                </section>
                <button type="submit" name="consent" value="accept">Accept</button>
                <button type="submit" name="consent" value="cancel">Cancel</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(
                        escapeHtml(appName),
                        alert,
                        escapeHtml(action),
                        escapeHtml(loginHint),
                        escapeHtml(appName),
                        permissions);
    }

    /** The page Microsoft shows instead of redirecting when it cannot trust the app or its redirect URI. */
    static String error(AadError.Occurrence occurrence) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Sign in to your account</title></head>
                <body>
                <main id="lightbox">
                <div role="heading" aria-level="1">Sign in</div>
                <p id="errorTitle">Sorry, but we’re having trouble signing you in.</p>
                <p id="errorMessage">%s</p>
                <dl id="debugDetails">
                <dt>Request Id</dt><dd>%s</dd>
                <dt>Correlation Id</dt><dd>%s</dd>
                <dt>Timestamp</dt><dd>%s</dd>
                <dt>Message</dt><dd>%s</dd>
                </dl>
                </main>
                </body>
                </html>
                """.formatted(
                        escapeHtml(occurrence.headline()),
                        occurrence.traceId(),
                        occurrence.correlationId(),
                        occurrence.timestamp(),
                        escapeHtml(occurrence.headline()));
    }

    /** What error_uri points at: Microsoft's error lookup page. */
    static String errorLookup(String code) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Error lookup</title></head>
                <body><h1>Error code AADSTS%s</h1></body>
                </html>
                """.formatted(escapeHtml(code));
    }

    static String signedOut() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Sign out</title></head>
                <body><div role="heading" aria-level="1">You signed out of your account</div></body>
                </html>
                """;
    }
}
