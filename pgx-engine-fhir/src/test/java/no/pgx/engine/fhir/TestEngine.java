package no.pgx.engine.fhir;

import no.pgx.engine.PgxEngine;

/** One engine for the tests of this module (building one loads the rule base). */
final class TestEngine {
    private static PgxEngine engine;

    private TestEngine() {
    }

    static synchronized PgxEngine get() {
        if (engine == null) {
            engine = PgxEngine.builder().build();
        }
        return engine;
    }
}
