package com.m365console.sync;

import com.m365console.graph.GraphException;
import com.m365console.mail.MailFailure;
import com.m365console.mail.MailServerException;
import com.m365console.mailbox.GraphAccessRefusedException;
import com.m365console.mailbox.MailboxUnavailableException;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import org.springframework.dao.DataAccessException;

/** Turns whatever stopped a run into the outcome a user reads: every failure becomes one, none is dropped. */
final class SyncFailures {

    static final String DATABASE = "The console's database did not answer, so the synchronisation stopped; it "
            + "starts again by itself once the database is back. Nothing stored so far is lost.";

    private SyncFailures() {}

    static SyncOutcome outcome(Throwable failure, int storedBeforeFailure, Duration took) {
        if (failure instanceof MailboxUnavailableException unavailable) {
            return switch (unavailable.reason()) {
                case NEEDS_REAUTH -> new SyncOutcome.NeedsReauth(unavailable.getMessage());
                case NOT_CONNECTED -> new SyncOutcome.NotConnected(unavailable.getMessage());
                case MICROSOFT_UNAVAILABLE ->
                    new SyncOutcome.Failed(unavailable.getMessage(), storedBeforeFailure, took);
            };
        }
        if (failure instanceof MailServerException mail) {
            return mail.failure() == MailFailure.TOKEN_REFUSED
                    ? new SyncOutcome.AccessRefused(mail.getMessage())
                    : new SyncOutcome.Failed(mail.getMessage(), storedBeforeFailure, took);
        }
        if (failure instanceof GraphException graph) {
            return graph(graph, storedBeforeFailure, took);
        }
        if (failure instanceof GraphAccessRefusedException refused) {
            return new SyncOutcome.AccessRefused(refused.getMessage());
        }
        if (failure instanceof SyncRun.SyncStoppedException stopped) {
            return new SyncOutcome.Failed(stopped.getMessage(), storedBeforeFailure, took);
        }
        if (isDatabaseFailure(failure)) {
            return new SyncOutcome.Failed(DATABASE, storedBeforeFailure, took);
        }
        return new SyncOutcome.Failed(
                "The synchronisation stopped on an unexpected error ("
                        + failure.getClass().getSimpleName()
                        + "); it is tried again by itself. The log has the details.",
                storedBeforeFailure,
                took);
    }

    /**
     * Graph's refusals in the words {@code GraphException} has for them: a token refused after its refresh means
     * reconnecting; a missing permission or a mailbox Graph cannot serve is refused access (the reason says what to
     * fix); throttling, outages and the rest may pass by themselves.
     */
    private static SyncOutcome graph(GraphException failure, int storedBeforeFailure, Duration took) {
        return switch (failure.failure()) {
            case TOKEN_REFUSED -> new SyncOutcome.NeedsReauth(failure.getMessage());
            case ACCESS_DENIED, MAILBOX_NOT_ENABLED -> new SyncOutcome.AccessRefused(failure.getMessage());
            default -> new SyncOutcome.Failed(failure.getMessage(), storedBeforeFailure, took);
        };
    }

    /** Whether the failure came from the database (or its connection pool), anywhere in its causes. */
    static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException
                    || cause instanceof R2dbcException
                    || cause.getClass().getName().startsWith("io.r2dbc.")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Whether the failure is one the log should show with its stack: not a known mail, mailbox or database one. */
    static boolean isUnexpected(Throwable failure) {
        return !(failure instanceof MailboxUnavailableException
                || failure instanceof MailServerException
                || failure instanceof GraphException
                || failure instanceof GraphAccessRefusedException
                || failure instanceof SyncRun.SyncStoppedException
                || isDatabaseFailure(failure));
    }
}
