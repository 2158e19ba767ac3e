package com.m365console.testsupport.dovecot;

import java.nio.file.Path;

/**
 * The text of a self-contained Dovecot 2.3 configuration shaped like Exchange Online: XOAUTH2 only, checked by the
 * test identity platform's token introspection; Exchange's folder names; no CONDSTORE/QRESYNC; no login delays.
 */
final class DovecotConfig {

    /** What Exchange Online advertises after login (no CONDSTORE, QRESYNC, ENABLE, SPECIAL-USE or COMPRESS). */
    static final String MICROSOFT_CAPABILITIES =
            "IMAP4 IMAP4rev1 SASL-IR UIDPLUS MOVE ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+";

    private DovecotConfig() {}

    /** The passdb's args file: every login asks the identity platform whether the token is active, and for whom. */
    static String oauth2(String introspectionUrl) {
        return """
                introspection_mode = post
                introspection_url = %s
                force_introspection = yes
                username_attribute = username
                active_attribute = active
                active_value = true
                """.formatted(introspectionUrl);
    }

    static String main(Path root, MailUser user, int imapPort, int submissionPort, int relayPort) {
        return main(root, user, imapPort, submissionPort, relayPort, null, 0);
    }

    /**
     * As above; with a {@code plainPassword}, also a PLAIN login with that password for every user (a second passdb),
     * for benchmark peers without XOAUTH2 such as mbsync, and rawlogs of IMAP sessions while {@code ~/rawlog} exists.
     * With {@code connections} above 0, Dovecot's process and client limits are raised to hold that many
     * IMAP connections at once (each imap process serves up to 50 connections), as a benchmark of many IDLE mailboxes
     * needs. The defaults allow about 100.
     */
    static String main(
            Path root,
            MailUser user,
            int imapPort,
            int submissionPort,
            int relayPort,
            String plainPassword,
            int connections) {
        return withPlainLogin(base(root, user, imapPort, submissionPort, relayPort), root, plainPassword)
                + (connections <= 0
                        ? ""
                        : """

                default_process_limit = %1$d
                default_client_limit = %2$d
                default_vsz_limit = 1G
                service imap {
                  service_count = 0
                  client_limit = 50
                  process_limit = %3$d
                }
                """.formatted(connections + 100, 4 * (connections + 100), connections / 25 + 10));
    }

    private static String base(Path root, MailUser user, int imapPort, int submissionPort, int relayPort) {
        return """
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                info_log_path = %1$s/dovecot.log
                auth_verbose = yes
                protocols = imap submission
                listen = 127.0.0.1
                ssl = no
                disable_plaintext_auth = no
                default_internal_user = %2$s
                default_internal_group = %3$s
                default_login_user = %2$s
                first_valid_uid = 1
                postmaster_address = postmaster@localhost

                # Failed logins are answered at once (Dovecot still batches them for up to 0.5 s), without penalties.
                auth_failure_delay = 0
                service anvil {
                  unix_listener anvil-auth-penalty {
                    mode = 0
                  }
                }

                auth_mechanisms = xoauth2 oauthbearer
                passdb {
                  driver = oauth2
                  mechanisms = xoauth2 oauthbearer
                  args = %1$s/oauth2.conf.ext
                }
                userdb {
                  driver = static
                  args = uid=%4$d gid=%5$d home=%1$s/mail/%%Lu
                }

                mail_location = maildir:~/Maildir
                namespace inbox {
                  inbox = yes
                  separator = /
                  mailbox Drafts {
                    special_use = \\Drafts
                    auto = subscribe
                  }
                  mailbox "Sent Items" {
                    special_use = \\Sent
                    auto = subscribe
                  }
                  mailbox "Deleted Items" {
                    special_use = \\Trash
                    auto = subscribe
                  }
                  mailbox "Junk Email" {
                    special_use = \\Junk
                    auto = subscribe
                  }
                  mailbox Archive {
                    special_use = \\Archive
                    auto = subscribe
                  }
                }

                imap_capability = %6$s
                protocol imap {
                  # Exchange Online allows 20 concurrent IMAP connections per mailbox.
                  mail_max_userip_connections = 20
                }
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %7$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }

                submission_relay_host = 127.0.0.1
                submission_relay_port = %8$d
                service submission-login {
                  inet_listener submission {
                    address = 127.0.0.1
                    port = %9$d
                  }
                }
                """.formatted(
                        root,
                        user.name(),
                        user.group(),
                        user.uid(),
                        user.gid(),
                        MICROSOFT_CAPABILITIES,
                        imapPort,
                        relayPort,
                        submissionPort);
    }

    /** Also lets doveadm look users up ({@code allow_all_users}: the oauth2 passdb cannot answer user lookups). */
    private static String withPlainLogin(String config, Path root, String plainPassword) {
        if (plainPassword == null) {
            return config;
        }
        return config.replace(
                        " home=%s/mail/%%Lu".formatted(root), " home=%s/mail/%%Lu allow_all_users=yes".formatted(root))
                .replace("auth_mechanisms = xoauth2 oauthbearer", "auth_mechanisms = xoauth2 oauthbearer plain")
                .replace("protocol imap {", """
                        passdb {
                          driver = static
                          mechanisms = plain
                          args = password=%s
                        }
                        protocol imap {
                          rawlog_dir = %%h/rawlog""".formatted(plainPassword));
    }
}
