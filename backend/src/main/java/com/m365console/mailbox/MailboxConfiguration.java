package com.m365console.mailbox;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the mailbox background work on a schedule (token refresh ahead of expiry). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailboxConfiguration {
}
