package no.pgx.cds.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayCacheTest {

    @Test
    void aKeyIsAcceptedOnce() {
        ReplayCache cache = new ReplayCache(10);
        assertThat(cache.firstUse("iss\njti-1", 200, 100)).isTrue();
        assertThat(cache.firstUse("iss\njti-1", 200, 150)).isFalse();
        assertThat(cache.firstUse("iss\njti-2", 200, 150)).isTrue();
    }

    @Test
    void aFullCacheForgetsOnlyExpiredEntriesAndOtherwiseFailsClosed() {
        ReplayCache cache = new ReplayCache(2);
        assertThat(cache.firstUse("a", 110, 100)).isTrue();
        assertThat(cache.firstUse("b", 500, 100)).isTrue();
        assertThat(cache.firstUse("c", 500, 105)).isFalse();
        assertThat(cache.firstUse("c", 500, 200)).isTrue();
        assertThat(cache.firstUse("b", 500, 200)).isFalse();
        assertThat(cache.size()).isEqualTo(2);
    }
}
