package com.m365console.testsupport.dovecot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers messages straight into a user's maildir the way an MDA does (write to tmp/, rename into new/), so tests
 * can seed thousands of messages fast; Dovecot gives them UIDs in delivery order at the next look.
 */
final class Maildir {

    /** Microseconds of the last delivery's name, strictly increasing: Dovecot orders new mail by the name's time. */
    private static final AtomicLong LAST_MICROS = new AtomicLong();

    private final Path mailRoot;
    private final MailUser owner;

    Maildir(Path mailRoot, MailUser owner) {
        this.mailRoot = mailRoot;
        this.owner = owner;
    }

    /** The user's home, as the static userdb names it ({@code %Lu}). */
    Path home(String address) {
        return mailRoot.resolve(address.toLowerCase());
    }

    /** INBOX is the maildir itself; {@code Projects/2026} is {@code .Projects.2026} (Maildir++ layout). */
    Path folder(String address, String folder) {
        Path maildir = home(address).resolve("Maildir");
        return folder.equalsIgnoreCase("INBOX") ? maildir : maildir.resolve("." + folder.replace('/', '.'));
    }

    void deliver(String address, String folder, byte[] rfc822) {
        try {
            Path dir = folder(address, folder);
            for (Path each : new Path[] {
                home(address),
                home(address).resolve("Maildir"),
                dir,
                dir.resolve("tmp"),
                dir.resolve("new"),
                dir.resolve("cur")
            }) {
                if (!Files.isDirectory(each)) {
                    Files.createDirectories(each);
                    own(each);
                }
            }
            long now = System.currentTimeMillis() * 1000;
            long micros = LAST_MICROS.updateAndGet(last -> Math.max(now, last + 1));
            String name = (micros / 1_000_000) + ".M" + (micros % 1_000_000) + "P"
                    + ProcessHandle.current().pid() + ".m365test";
            Path tmp = dir.resolve("tmp").resolve(name);
            Files.write(tmp, rfc822);
            own(tmp);
            Files.move(tmp, dir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not deliver to " + address + "'s " + folder, e);
        }
    }

    void own(Path path) throws IOException {
        if (!owner.differsFromThisProcess()) {
            return;
        }
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal user = lookup.lookupPrincipalByName(owner.name());
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(owner.group());
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
    }
}
