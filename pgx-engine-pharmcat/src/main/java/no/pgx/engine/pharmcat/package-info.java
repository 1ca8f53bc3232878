/**
 * PharmCAT outputs in: {@link no.pgx.engine.pharmcat.PharmcatResults} reads PharmCAT's phenotyper output
 * ({@code *.phenotype.json}), the gene calls of its report ({@code *.report.json}) and its outside-call TSV into
 * {@link no.pgx.engine.GeneInput}s for {@link no.pgx.engine.PgxEngine}. Formats as documented by PharmCAT (pharmcat.org:
 * "Outside Call Format", the example phenotype and report JSON); no PharmCAT code is used.
 */
package no.pgx.engine.pharmcat;
