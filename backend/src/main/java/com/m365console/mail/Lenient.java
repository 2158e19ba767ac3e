package com.m365console.mail;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;

/** Reads one piece of a message with a fallback, so a malformed message never stops a batch; a lost connection does. */
final class Lenient {

    private Lenient() {}

    /** A read of one message property. */
    interface Read<T> {
        T get() throws MessagingException;
    }

    static <T> T orNull(Read<T> read) throws MessagingException {
        return or(read, null);
    }

    static <T> T or(Read<T> read, T fallback) throws MessagingException {
        try {
            return read.get();
        } catch (FolderClosedException | StoreClosedException | IllegalStateException connectionGone) {
            throw connectionGone;
        } catch (MessagingException | RuntimeException malformed) {
            return fallback;
        }
    }
}
