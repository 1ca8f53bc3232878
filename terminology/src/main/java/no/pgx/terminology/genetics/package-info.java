/**
 * Genetic notation as labs write it: gene symbols, star alleles and diplotypes (CPIC/PharmVar spellings, copy number
 * {@code x2}/{@code x≥3}/{@code xN}, tandems and hybrids {@code *36+*10}), HLA alleles ({@code *57:01}), DPYD and other
 * variant names, rsID genotypes, the mitochondrial MT-RNR1 allele, allele status ({@code *57:01 positive}) and the
 * phenotype vocabulary with Norwegian labels.
 *
 * <p>Entry points: {@link no.pgx.terminology.genetics.GeneRegistry}, {@link no.pgx.terminology.genetics.DiplotypeParser},
 * {@link no.pgx.terminology.genetics.AlleleStatusParser} and {@link no.pgx.terminology.genetics.PhenotypeVocabulary}.
 * Bad input raises {@link no.pgx.terminology.genetics.NotationException}, which names the gene, field and token. This
 * package parses notation only; which alleles exist and what they do is knowledge held by the engine.
 */
package no.pgx.terminology.genetics;
