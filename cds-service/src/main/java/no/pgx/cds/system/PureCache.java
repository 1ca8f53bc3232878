package no.pgx.cds.system;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A bounded in-memory cache for the results of pure computations (the same input always gives the same, immutable
 * result), so that repeated inputs (the same lab panel, the same drug codes) are not recomputed on every call.
 * Entries are never stale because the functions cached do not depend on time or mutable state. Thread-safe.
 *
 * <p>Keys here are deep values (a whole assessment request, a patient's assessments), whose {@code hashCode} walks
 * everything they hold. Each key's hash is computed once, when it is looked up, and kept with the entry: storing the
 * entry and evicting it later (on a pool thread) do not walk the key again, and a look-up compares keys with
 * {@code equals} only when their hashes agree.
 *
 * @param <K> key type; must have value equality
 * @param <V> value type; must be immutable
 */
public final class PureCache<K, V> {
    private final Cache<Hashed<K>, V> cache;

    /** @param maximumSize the most entries kept (least recently/frequently used ones are evicted) */
    public PureCache(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    /**
     * @param key      the input; not null
     * @param function the pure computation; its null result is not cached
     * @return the cached or freshly computed value
     */
    public V get(K key, Function<? super K, ? extends V> function) {
        Hashed<K> hashed = new Hashed<>(key);
        V value = cache.getIfPresent(hashed);
        if (value == null) {
            value = function.apply(key);
            if (value != null) {
                cache.put(hashed, value);
            }
        }
        return value;
    }

    /** A key with its hash computed once. */
    private static final class Hashed<K> {
        private final K key;
        private final int hash;

        Hashed(K key) {
            this.key = java.util.Objects.requireNonNull(key, "key");
            this.hash = key.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Hashed<?> h && hash == h.hash && key.equals(h.key);
        }
    }
}
