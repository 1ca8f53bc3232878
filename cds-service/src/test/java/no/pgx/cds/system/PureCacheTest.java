package no.pgx.cds.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PureCacheTest {

    /** A deep key stand-in: counts how often its hash is computed; every key has the same hash. */
    private record Key(String value, AtomicInteger hashes) {
        @Override
        public int hashCode() {
            hashes.incrementAndGet();
            return 42;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && value.equals(k.value);
        }
    }

    @Test
    void anEqualKeyIsServedFromTheCacheAndAnUnequalOneWithTheSameHashIsNot() {
        PureCache<Key, String> cache = new PureCache<>(100);
        AtomicInteger computed = new AtomicInteger();

        java.util.function.Function<Key, String> compute = k -> "value of " + k.value() + computed.incrementAndGet();

        String first = cache.get(new Key("a", new AtomicInteger()), compute);
        String again = cache.get(new Key("a", new AtomicInteger()), compute);
        String other = cache.get(new Key("b", new AtomicInteger()), compute);

        assertThat(again).isSameAs(first);
        assertThat(other).isEqualTo("value of b2");
        assertThat(computed).hasValue(2);
    }

    @Test
    void aKeysHashIsComputedOnceWhetherItIsFoundStoredOrEvicted() {
        PureCache<Key, String> cache = new PureCache<>(2);
        AtomicInteger[] counts = new AtomicInteger[50];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new AtomicInteger();
            cache.get(new Key("k" + i, counts[i]), Key::value);  // a miss: looked up, then stored; most are evicted
        }
        for (AtomicInteger count : counts) {
            assertThat(count).hasValue(1);
        }
    }

    @Test
    void aNullResultIsNotCached() {
        PureCache<String, String> cache = new PureCache<>(10);
        AtomicInteger computed = new AtomicInteger();

        assertThat(cache.get("x", k -> {
            computed.incrementAndGet();
            return null;
        })).isNull();
        assertThat(cache.get("x", k -> "now " + computed.incrementAndGet())).isEqualTo("now 2");
    }
}
