package com.m365console.platform.scheduling;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the app's background work on a schedule (token refresh, sync, push, purges). A fixed-delay task holds a
 * scheduler thread until it is done, so {@code spring.task.scheduling.pool.size} gives every task a thread of its
 * own: a long or stuck task never delays another (SchedulerPoolTest keeps the pool large enough).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
