package com.m365console.mailbox;

import com.m365console.graph.GraphException;
import com.m365console.graph.GraphFolder;
import com.m365console.graph.GraphFolderNames;
import com.m365console.mail.MailFolder;
import com.m365console.mail.MailHosts;
import com.m365console.mail.MailServerClient;
import com.m365console.mail.MailServerException;
import com.m365console.platform.graphql.UserError;
import com.m365console.platform.graphql.UserErrorCode;
import com.m365console.settings.MicrosoftSettingsService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Saves the folders to synchronise only when the mail server lists each of them (one IMAP LIST, or one read of the
 * Graph folder tree), so a mistyped or stale name cannot be stored and then fail every synchronisation of the mailbox.
 */
@Service
class FolderSelection {

    private final MailboxRepository mailboxes;
    private final MailboxLogin login;
    private final MailServerClient mail;
    private final MailHosts hosts;
    private final MicrosoftSettingsService settings;
    private final GraphMailboxOperations graph;

    FolderSelection(
            MailboxRepository mailboxes,
            MailboxLogin login,
            MailServerClient mail,
            MailHosts hosts,
            MicrosoftSettingsService settings,
            GraphMailboxOperations graph) {
        this.graph = graph;
        this.mailboxes = mailboxes;
        this.login = login;
        this.mail = mail;
        this.hosts = hosts;
        this.settings = settings;
    }

    /** Selects the (trimmed, distinct, non-empty) folders, or changes nothing and says which the server lacks. */
    Mono<MailboxPayload> select(MailboxView mailbox, List<String> requested) {
        if (mailbox.transport() == MailTransport.GRAPH) {
            return selectOverGraph(mailbox, requested);
        }
        return settings.current()
                .flatMap(current -> login.run(
                        mailbox.id(),
                        MailboxLogin.Protocol.IMAP,
                        token -> mail.checkImap(hosts.imap(current.cloud().value()), mailbox.address(), token.value())))
                .flatMap(listed -> {
                    Map<String, MailFolder> byName = listed.stream()
                            .collect(Collectors.toMap(MailFolder::fullName, Function.identity(), (a, b) -> a));
                    List<String> names = new ArrayList<>();
                    List<String> unknown = new ArrayList<>();
                    List<String> empty = new ArrayList<>();
                    for (String name : requested) {
                        MailFolder folder = byName.get("INBOX".equalsIgnoreCase(name) ? "INBOX" : name);
                        if (folder == null) {
                            unknown.add(name);
                        } else if (!folder.holdsMessages()) {
                            empty.add(name);
                        } else if (!names.contains(folder.fullName())) {
                            names.add(folder.fullName());
                        }
                    }
                    List<UserError> errors = new ArrayList<>();
                    if (!unknown.isEmpty()) {
                        errors.add(unknownFolders(unknown));
                    }
                    if (!empty.isEmpty()) {
                        errors.add(new UserError(
                                "folders",
                                UserErrorCode.UNKNOWN_FOLDER,
                                quoted(empty)
                                        + (empty.size() == 1 ? " holds" : " hold")
                                        + " no messages, only other folders: "
                                        + "pick the folders inside."));
                    }
                    return errors.isEmpty()
                            ? mailboxes
                                    .selectFolders(mailbox.id(), names)
                                    .then(mailboxes.find(mailbox.id()))
                                    .map(MailboxPayload::of)
                            : Mono.just(new MailboxPayload(null, errors));
                })
                .onErrorResume(
                        MailboxUnavailableException.class,
                        ex -> Mono.just(MailboxPayload.refused(MailboxService.unavailable(ex))))
                .onErrorResume(
                        MailServerException.class,
                        ex -> Mono.just(MailboxPayload.refused(MailboxService.mailServer(ex))));
    }

    /**
     * As over IMAP, against the folder tree Graph gives (one read): each name must name a folder of it as Graph runs
     * find them ({@link GraphFolderNames}), and is saved under the name those runs store it by.
     */
    private Mono<MailboxPayload> selectOverGraph(MailboxView mailbox, List<String> requested) {
        return settings.current()
                .flatMap(current -> graph.tree(mailbox, current.cloud().value()))
                .flatMap(tree -> {
                    Map<String, GraphFolder> found = GraphFolderNames.resolve(requested, tree);
                    List<String> unknown = requested.stream()
                            .filter(name -> !found.containsKey(name))
                            .toList();
                    if (!unknown.isEmpty()) {
                        return Mono.just(new MailboxPayload(null, List.of(unknownFolders(unknown))));
                    }
                    List<String> names = found.values().stream()
                            .map(GraphFolderNames::fullName)
                            .distinct()
                            .toList();
                    return mailboxes
                            .selectFolders(mailbox.id(), names)
                            .then(mailboxes.find(mailbox.id()))
                            .map(MailboxPayload::of);
                })
                .onErrorResume(
                        MailboxUnavailableException.class,
                        ex -> Mono.just(MailboxPayload.refused(MailboxService.unavailable(ex))))
                .onErrorResume(GraphAccessRefusedException.class, ex -> Mono.just(refusedByGraph(ex.getMessage())))
                .onErrorResume(GraphException.class, ex -> Mono.just(refusedByGraph(ex.getMessage())));
    }

    private static MailboxPayload refusedByGraph(String message) {
        return new MailboxPayload(null, List.of(new UserError(null, UserErrorCode.MAIL_SERVER_REFUSED, message)));
    }

    private static UserError unknownFolders(List<String> unknown) {
        return new UserError(
                "folders",
                UserErrorCode.UNKNOWN_FOLDER,
                "The mail server has no " + (unknown.size() == 1 ? "folder " : "folders ") + quoted(unknown)
                        + ": pick folders from the list Check connection shows.");
    }

    private static String quoted(List<String> names) {
        String shown = names.stream().limit(5).map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
        return names.size() > 5 ? shown + " and " + (names.size() - 5) + " more" : shown;
    }
}
