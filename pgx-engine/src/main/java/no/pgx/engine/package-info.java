/**
 * The public API of the embeddable pharmacogenomics engine: start with {@link no.pgx.engine.PgxEngine}.
 *
 * <h2>What is API</h2>
 * Only this package, {@code no.pgx.engine}, is API. Its subpackages ({@code no.pgx.engine.assess},
 * {@code no.pgx.engine.phenotype}, {@code no.pgx.engine.phenoconversion}) are internal: not API, they may change
 * without notice even where a type is public for technical reasons. No public signature in this package exposes an
 * internal, Drools or Caffeine type (enforced by a test of the build).
 *
 * <h2>How it grows</h2>
 * <ul>
 *   <li>Requests and results with many properties ({@link no.pgx.engine.AssessmentRequest},
 *       {@link no.pgx.engine.Finding}, {@link no.pgx.engine.GeneResult}, {@link no.pgx.engine.DrugAdvice} …) are
 *       immutable classes with accessors and builders, not public constructors, so a new property does not break a
 *       caller.</li>
 *   <li>Coded values are types: {@link no.pgx.engine.Action}, {@link no.pgx.engine.GuidelineSource},
 *       {@link no.pgx.engine.Strength}, {@link no.pgx.engine.Population}. Their output spelling is an explicit
 *       accessor ({@code label()}, {@code id()}), never {@code toString()}.</li>
 *   <li>Every drug is an explicit request ({@link no.pgx.engine.AssessmentRequest.Builder#allDrugs()}); a request that
 *       names no drug fails instead of assessing all of them.</li>
 * </ul>
 */
package no.pgx.engine;
