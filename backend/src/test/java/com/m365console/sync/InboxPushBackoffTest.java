package com.m365console.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The watcher's wait before reconnecting: seconds at first, growing only with failures in a row, capped. */
class InboxPushBackoffTest {

    @Test
    void theFirstRetryComesInSecondsAndDoublesPerFailureInARowUpToFiveMinutes() {
        assertThat(IntStream.rangeClosed(1, 10)
                        .mapToObj(InboxPushWatcher::retryWait)
                        .map(Duration::toSeconds))
                .containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
        assertThat(InboxPushWatcher.retryWait(1_000)).isEqualTo(Duration.ofMinutes(5));
    }
}
