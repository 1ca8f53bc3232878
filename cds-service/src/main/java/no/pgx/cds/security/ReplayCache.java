package no.pgx.cds.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Remembers the {@code jti} of every accepted token until it expires, to refuse a replay. Bounded: entries are purged
 * once expired, and when the cache is full of live entries new tokens are refused rather than forgetting old ones
 * (a size-evicting cache would let an evicted token be replayed). Thread-safe.
 */
final class ReplayCache {
    private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
    private final int capacity;
    private final AtomicInteger sincePurge = new AtomicInteger();

    ReplayCache(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /**
     * @param key        issuer and jti
     * @param expiresAt  epoch second after which the token is invalid anyway (exp + skew)
     * @param now        current epoch second
     * @return true the first time a key is seen; false for a replay or when the cache is full
     */
    boolean firstUse(String key, long expiresAt, long now) {
        if (seen.size() >= capacity || sincePurge.incrementAndGet() >= 1024) {
            purge(now);
        }
        if (seen.size() >= capacity) {
            return false;
        }
        return seen.putIfAbsent(key, expiresAt) == null;
    }

    int size() {
        return seen.size();
    }

    private void purge(long now) {
        sincePurge.set(0);
        seen.entrySet().removeIf(e -> e.getValue() < now);
    }
}
