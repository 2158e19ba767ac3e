package com.m365console.testsupport.microsoft.graph;

import com.m365console.testsupport.microsoft.AccessTokenGrant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one Graph request to its route once the caller may make it: the bearer token checked ({@link Caller}), the
 * mailbox resolved ({@code /me} needs a delegated token; another's mailbox needs delegate access and a
 * {@code .Shared} scope, or an application permission), then folders, delta or a message's attachments; or, for
 * {@code POST .../sendMail}, {@code Mail.Send} (another's mailbox: {@code Mail.Send.Shared} and Send As on it).
 */
final class GraphRouter {

    private static final String USER = "(me|users/([^/()]+)|users\\('([^']+)'\\))";
    private static final Pattern FOLDERS = Pattern.compile(
            "^/v1\\.0/" + USER + "/mailfolders(?:/([^/()]+)|\\('([^']+)'\\))?(/childfolders|/messages/delta)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEND_MAIL =
            Pattern.compile("^/v1\\.0/" + USER + "/sendmail$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBSCRIPTIONS =
            Pattern.compile("^/v1\\.0/subscriptions(?:/([^/()]+))?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTACHMENTS =
            Pattern.compile("^/v1\\.0/" + USER + "/messages/([^/()]+)/attachments$", Pattern.CASE_INSENSITIVE);

    private final Map<String, FakeMailbox> mailboxes;
    private final Map<String, Set<String>> appPermissions;
    private final Function<String, Optional<AccessTokenGrant>> issued;
    private final Function<String, Optional<AccessTokenGrant>> active;
    private final FolderRoutes folders;
    private final DeltaRoute delta;
    private final SendMailRoute sendMail;
    private final SubscriptionRoute subscriptions;
    private final tools.jackson.databind.json.JsonMapper json;

    GraphRouter(
            Map<String, FakeMailbox> mailboxes,
            Map<String, Set<String>> appPermissions,
            Function<String, Optional<AccessTokenGrant>> issued,
            Function<String, Optional<AccessTokenGrant>> active,
            FolderRoutes folders,
            DeltaRoute delta,
            SendMailRoute sendMail,
            SubscriptionRoute subscriptions,
            tools.jackson.databind.json.JsonMapper json) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.mailboxes = mailboxes;
        this.appPermissions = appPermissions;
        this.issued = issued;
        this.active = active;
        this.folders = folders;
        this.delta = delta;
        this.sendMail = sendMail;
    }

    GraphResponse route(GraphRequest request) throws GraphRefusal {
        Matcher subscription = SUBSCRIPTIONS.matcher(request.path());
        if (subscription.matches()) {
            return subscription(request, subscription.group(1) == null ? null : Urls.decode(subscription.group(1)));
        }
        Matcher send = SEND_MAIL.matcher(request.path());
        if (send.matches() && request.method().equals("POST")) {
            Caller caller = Caller.of(request, issued, active, appPermissions);
            return sendMail.send(target(request, caller, decoded(send.group(2), send.group(3)), true), request);
        }
        Matcher folder = FOLDERS.matcher(request.path());
        Matcher attachments = ATTACHMENTS.matcher(request.path());
        boolean isFolders = folder.matches();
        if (!isFolders && !attachments.matches()) {
            throw new GraphRefusal(GraphErrorJson.badRequest(
                    "Resource not found for the segment '" + lastSegment(request.path()) + "'.", request));
        }
        if (!request.method().equals("GET")) {
            throw new GraphRefusal(
                    GraphErrorJson.error(405, "ErrorInvalidRequest", "The OData request is not supported.", request));
        }
        Matcher user = isFolders ? folder : attachments;
        Caller caller = Caller.of(request, issued, active, appPermissions);
        MailboxTarget target = target(request, caller, decoded(user.group(2), user.group(3)), false);
        if (!isFolders) {
            String messageId = Urls.decode(attachments.group(4));
            StoredMessage message = target.mailbox()
                    .message(messageId)
                    .orElseThrow(() -> new GraphRefusal(GraphErrorJson.notFound(request)));
            return GraphResponse.ok(Map.of("value", GraphJson.attachments(message)));
        }
        String folderKey = decoded(folder.group(4), folder.group(5));
        String tail = folder.group(6) == null ? "" : folder.group(6).toLowerCase(Locale.ROOT);
        return switch (tail) {
            case "/childfolders" -> folders.list(target, folderKey, request);
            case "/messages/delta" -> delta.delta(target, folderKey, request);
            default ->
                folderKey == null ? folders.list(target, null, request) : folders.one(target, folderKey, request);
        };
    }

    /** {@code POST /subscriptions} for a mailbox the caller may read; PATCH and DELETE of one by id. */
    private GraphResponse subscription(GraphRequest request, String id) throws GraphRefusal {
        Caller caller = Caller.of(request, issued, active, appPermissions);
        if (id == null && request.method().equals("POST")) {
            var body = SubscriptionRoute.body(json, request);
            SubscriptionRoute.Watched watched = SubscriptionRoute.watched(request, body);
            return subscriptions.create(target(request, caller, watched.user(), false), watched, body, request);
        }
        if (id != null && request.method().equals("PATCH")) {
            return subscriptions.renew(id, SubscriptionRoute.body(json, request), request);
        }
        if (id != null && request.method().equals("DELETE")) {
            return subscriptions.delete(id, request);
        }
        throw new GraphRefusal(
                GraphErrorJson.error(405, "ErrorInvalidRequest", "The OData request is not supported.", request));
    }

    private MailboxTarget target(GraphRequest request, Caller caller, String user, boolean sending)
            throws GraphRefusal {
        if (user == null && caller.appOnly()) {
            throw new GraphRefusal(GraphErrorJson.badRequest(
                    "/me request is only valid with delegated authentication flow.", request));
        }
        String address = user != null ? user : caller.grant().email();
        FakeMailbox mailbox = mailboxes.get(address.toLowerCase(Locale.ROOT));
        if (mailbox == null && user != null) {
            throw new GraphRefusal(GraphErrorJson.error(
                    404, "ErrorInvalidUser", "The requested user '" + user + "' is invalid.", request));
        }
        if (mailbox == null || !mailbox.restEnabled()) {
            throw new GraphRefusal(GraphErrorJson.error(
                    404,
                    "MailboxNotEnabledForRESTAPI",
                    "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
                    request));
        }
        boolean own =
                !caller.appOnly() && address.equalsIgnoreCase(caller.grant().email());
        if (sending) {
            if (!caller.maySend(own)) {
                throw new GraphRefusal(GraphErrorJson.error(
                        403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", request));
            }
            if (!caller.appOnly() && !own && !mailbox.sendAs(caller.grant().email())) {
                throw new GraphRefusal(GraphErrorJson.error(
                        403,
                        "ErrorSendAsDenied",
                        "The user account which was used to submit this request does not have the right to send mail"
                                + " on behalf of the specified sending account., Cannot submit message.",
                        request));
            }
            return new MailboxTarget(mailbox, user == null ? "me" : "users/" + user, caller);
        }
        boolean opens =
                caller.appOnly() || own || mailbox.delegate(caller.grant().email());
        if (!opens || !caller.mayRead(own)) {
            throw new GraphRefusal(GraphErrorJson.error(
                    403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.", request));
        }
        return new MailboxTarget(mailbox, user == null ? "me" : "users/" + user, caller);
    }

    private static String decoded(String plain, String quoted) {
        String value = plain != null ? plain : quoted;
        return value == null ? null : Urls.decode(value);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
