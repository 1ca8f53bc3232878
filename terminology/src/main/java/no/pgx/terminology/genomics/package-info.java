/**
 * Genomic codes for FHIR: LOINC codes and answers, HGNC gene ids, HL7 Genomics Reporting IG profiles and code systems.
 *
 * <p>The codes themselves are data ({@code genomic_codes.csv}, {@code genes.csv}, {@code phenotype_answers.csv} next to
 * these classes, each with source, version and licence); only the system and profile URIs are Java constants
 * ({@link no.pgx.terminology.genomics.GenomicSystems}). Start with
 * {@link no.pgx.terminology.genomics.GenomicCodes#loadDefault()}.
 */
package no.pgx.terminology.genomics;
