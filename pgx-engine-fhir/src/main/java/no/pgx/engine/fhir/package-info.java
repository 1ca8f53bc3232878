/**
 * FHIR R4 adapters for vendors who hold HL7 FHIR resources. Public API: {@link no.pgx.engine.fhir.FhirResults} reads
 * genotype, phenotype and HLA Observations (Bundle JSON, a parsed Bundle or a list of Observations) into
 * {@link no.pgx.engine.GeneInput}s; {@link no.pgx.engine.fhir.FhirObservations} writes
 * {@link no.pgx.engine.GeneResult}s and {@link no.pgx.engine.Finding}s as HL7 Genomics Reporting IG Observations.
 *
 * <p>HAPI FHIR types (structures R4) appear in the signatures of this package only; the engine's main package does not
 * depend on them. Codes come from {@code no.pgx.terminology.genomics}.
 */
package no.pgx.engine.fhir;
