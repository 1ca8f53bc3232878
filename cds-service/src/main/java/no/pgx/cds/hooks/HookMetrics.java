package no.pgx.cds.hooks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Micrometer metrics per hook: {@code pgx.cds.requests} (counter, tags {@code service}, {@code hook},
 * {@code outcome}), {@code pgx.cds.latency} (timer, same tags) and {@code pgx.cds.cards} (counter, tags
 * {@code service}, {@code hook}, {@code indicator}). Visible under {@code /actuator/metrics}. Thread-safe.
 */
@Component
public class HookMetrics {
    /** Outcome tag values. */
    public enum Outcome { OK, CLIENT_ERROR, PRECONDITION_FAILED, ERROR }

    private final MeterRegistry registry;

    public HookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param service  service id
     * @param hook     hook name
     * @param outcome  outcome
     * @param nanos    time spent
     * @param cards    cards returned (empty unless OK)
     */
    public void record(String service, String hook, Outcome outcome, long nanos, List<Card> cards) {
        String o = outcome.name().toLowerCase(java.util.Locale.ROOT);
        Counter.builder("pgx.cds.requests").description("CDS Hooks calls")
                .tags("service", service, "hook", hook, "outcome", o).register(registry).increment();
        Timer.builder("pgx.cds.latency").description("CDS Hooks call latency")
                .tags("service", service, "hook", hook, "outcome", o).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        for (Card c : cards) {
            Counter.builder("pgx.cds.cards").description("Cards issued")
                    .tags("service", service, "hook", hook, "indicator", c.indicator()).register(registry).increment();
        }
    }
}
