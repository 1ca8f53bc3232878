/**
 * <b>Internal, not API, may change without notice.</b> Use {@link no.pgx.engine.PgxEngine#call} instead.
 *
 * <p>CPIC phenotype calling. {@link no.pgx.engine.phenotype.PhenotypeCaller} is the only type used outside the
 * package (by {@link no.pgx.engine.PgxEngine} and the phenoconversion step); it is not part of the public API.
 *
 * <p>Knowledge lives in versioned tables under {@code no/pgx/knowledge/phenotype/} of the pgx-knowledge module (CPIC allele
 * function and activity values, function-pair phenotypes, activity-score cut-offs, result states, HLA risk alleles),
 * each with source, version and licence header lines. The CPIC diplotype table is not shipped: phenotypes are computed
 * and the table is used only as the test oracle.
 */
package no.pgx.engine.phenotype;
