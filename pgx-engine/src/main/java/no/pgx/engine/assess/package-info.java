/**
 * <b>Internal, not API, may change without notice.</b> Use {@link no.pgx.engine.PgxEngine#assess} instead.
 *
 * <p>The assessment pipeline behind the engine: it resolves the ordered drugs, runs the rule base over the patient's
 * results, and turns what the rules select into {@link no.pgx.engine.Finding}s and {@link no.pgx.engine.DrugAdvice}
 * with their Bokmål and English texts.
 */
package no.pgx.engine.assess;
