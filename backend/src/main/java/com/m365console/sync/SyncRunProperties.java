package com.m365console.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How runs hold a mailbox and how soon they try again: messages per batch; the SYNC lease's time to live and its
 * heartbeat (a dead holder's mailbox is free again within the TTL); the first retry after a failure (doubling while
 * failures go on, at most the sync interval); how long a write may take before the run counts the database as gone;
 * how often a folder whose STATUS shows no change still has its flags compared in full (0: on every run).
 */
@ConfigurationProperties("m365.sync")
record SyncRunProperties(
        Integer batchSize,
        Duration leaseTtl,
        Duration leaseRenewEvery,
        Duration retryFirst,
        Duration storeTimeout,
        Duration flagsReconcileEvery) {

    SyncRunProperties {
        batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
        leaseTtl = PushProperties.positiveOr(leaseTtl, Duration.ofSeconds(30));
        leaseRenewEvery = PushProperties.positiveOr(leaseRenewEvery, leaseTtl.dividedBy(3));
        if (leaseRenewEvery.compareTo(leaseTtl) >= 0) {
            throw new IllegalArgumentException("m365.sync.lease-renew-every (" + leaseRenewEvery
                    + ") must be shorter than m365.sync.lease-ttl (" + leaseTtl + ")");
        }
        retryFirst = PushProperties.positiveOr(retryFirst, Duration.ofSeconds(5));
        storeTimeout = PushProperties.positiveOr(storeTimeout, Duration.ofMinutes(1));
        flagsReconcileEvery = flagsReconcileEvery == null || flagsReconcileEvery.isNegative()
                ? Duration.ofMinutes(15)
                : flagsReconcileEvery;
    }
}
