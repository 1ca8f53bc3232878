package no.pgx.cds.system;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A bounded in-memory cache for the results of pure computations (the same input always gives the same, immutable
 * result), so that repeated inputs (the same lab panel, the same drug codes) are not recomputed on every call.
 * Entries are never stale because the functions cached do not depend on time or mutable state. Thread-safe.
 *
 * @param <K> key type; must have value equality
 * @param <V> value type; must be immutable
 */
public final class PureCache<K, V> {
    private final Cache<K, V> cache;

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
        V value = cache.getIfPresent(key);
        if (value == null) {
            value = function.apply(key);
            if (value != null) {
                cache.put(key, value);
            }
        }
        return value;
    }
}
