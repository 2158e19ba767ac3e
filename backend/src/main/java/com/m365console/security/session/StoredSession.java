package com.m365console.security.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.session.Session;

/**
 * A browser session as the PostgreSQL store keeps it: the attributes and times, plus what it looked like when
 * it was read, so saving can tell a new session, a changed id, changed attributes and a mere access apart.
 */
final class StoredSession implements Session {

    private static final SecureRandom RANDOM = new SecureRandom();

    private String id;
    private String storedId;
    private final Instant creationTime;
    private Instant lastAccessedTime;
    private Duration maxInactiveInterval;
    private final Map<String, Object> attributes;
    private byte[] storedAttributes;
    private Instant storedLastAccessedTime;

    private StoredSession(
            String id,
            String storedId,
            Instant creationTime,
            Instant lastAccessedTime,
            Duration maxInactiveInterval,
            Map<String, Object> attributes,
            byte[] storedAttributes) {
        this.id = id;
        this.storedId = storedId;
        this.creationTime = creationTime;
        this.lastAccessedTime = lastAccessedTime;
        this.maxInactiveInterval = maxInactiveInterval;
        this.attributes = attributes;
        this.storedAttributes = storedAttributes;
        this.storedLastAccessedTime = lastAccessedTime;
    }

    /** A session nobody has saved yet. */
    static StoredSession create(Duration maxInactiveInterval) {
        Instant now = Instant.now();
        return new StoredSession(newId(), null, now, now, maxInactiveInterval, new LinkedHashMap<>(), null);
    }

    /** A session as read from its row; {@code serializedAttributes} is the decrypted attribute blob. */
    static StoredSession stored(
            String id,
            Instant creationTime,
            Instant lastAccessedTime,
            Duration maxInactiveInterval,
            Map<String, Object> attributes,
            byte[] serializedAttributes) {
        return new StoredSession(
                id,
                id,
                creationTime,
                lastAccessedTime,
                maxInactiveInterval,
                new LinkedHashMap<>(attributes),
                serializedAttributes);
    }

    /** The id the row was stored under; null until the first save. */
    String storedId() {
        return storedId;
    }

    /** After a save: the row now holds this id, these attributes and this last access. */
    void markStored(byte[] serializedAttributes) {
        storedId = id;
        storedAttributes = serializedAttributes;
        storedLastAccessedTime = lastAccessedTime;
    }

    byte[] storedAttributes() {
        return storedAttributes;
    }

    Instant storedLastAccessedTime() {
        return storedLastAccessedTime;
    }

    Map<String, Object> attributes() {
        return attributes;
    }

    Instant expiresAt() {
        return lastAccessedTime.plus(maxInactiveInterval);
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String changeSessionId() {
        id = newId();
        return id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        return (T) attributes.get(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return Set.copyOf(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public Instant getCreationTime() {
        return creationTime;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        this.lastAccessedTime = lastAccessedTime;
    }

    @Override
    public Instant getLastAccessedTime() {
        return lastAccessedTime;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        this.maxInactiveInterval = interval;
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return maxInactiveInterval;
    }

    @Override
    public boolean isExpired() {
        return !maxInactiveInterval.isNegative() && !Instant.now().isBefore(expiresAt());
    }

    /** 256 random bits, URL-safe: the value of the SESSION cookie. */
    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
