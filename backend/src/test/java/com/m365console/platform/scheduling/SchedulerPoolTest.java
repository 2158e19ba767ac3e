package com.m365console.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.m365console.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** Every scheduled task of the app has a scheduler thread of its own, so none can hold up another. */
@IntegrationTest
class SchedulerPoolTest {

    @Autowired
    List<ScheduledTaskHolder> holders;

    @Autowired
    ThreadPoolTaskScheduler scheduler;

    @Test
    void thePoolHasAThreadForEveryScheduledTask() {
        int tasks = holders.stream()
                .mapToInt(holder -> holder.getScheduledTasks().size())
                .sum();

        assertThat(tasks).as("the app's scheduled tasks").isGreaterThanOrEqualTo(8);
        assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).isGreaterThanOrEqualTo(tasks);
    }
}
