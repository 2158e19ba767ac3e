package com.m365console.graph;

import java.time.OffsetDateTime;

/** A change-notification subscription as Graph created or renewed it: its id and when it ends. */
public record GraphSubscription(String id, OffsetDateTime expiresAt) {}
