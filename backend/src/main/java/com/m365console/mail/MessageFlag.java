package com.m365console.mail;

import jakarta.mail.Flags;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The IMAP system flags kept by synchronisation; \Recent and keywords are ignored. */
public enum MessageFlag {
    SEEN,
    ANSWERED,
    FLAGGED,
    DELETED,
    DRAFT;

    static Set<MessageFlag> of(Flags flags) {
        EnumSet<MessageFlag> set = EnumSet.noneOf(MessageFlag.class);
        if (flags != null) {
            addIf(set, flags.contains(Flags.Flag.SEEN), SEEN);
            addIf(set, flags.contains(Flags.Flag.ANSWERED), ANSWERED);
            addIf(set, flags.contains(Flags.Flag.FLAGGED), FLAGGED);
            addIf(set, flags.contains(Flags.Flag.DELETED), DELETED);
            addIf(set, flags.contains(Flags.Flag.DRAFT), DRAFT);
        }
        return Collections.unmodifiableSet(set);
    }

    private static void addIf(Set<MessageFlag> set, boolean present, MessageFlag flag) {
        if (present) {
            set.add(flag);
        }
    }
}
