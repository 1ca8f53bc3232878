/**
 * Phenoconversion (drug–drug–gene interaction): the patient's co-medication can turn the genotype-predicted phenotype
 * into a different functional one, e.g. a CYP2D6 normal metabolizer on paroxetine behaves as a poor metabolizer, so
 * codeine gives no pain relief and tamoxifen loses effect.
 *
 * <h2>Knowledge (data, versioned)</h2>
 * <ul>
 *   <li>{@code no/pgx/knowledge/phenoconversion/cyp-modulators.csv} (module pgx-knowledge): the perpetrators, one row per enzyme
 *       and drug with effect (inhibitor/inducer), FDA strength class, washout, source and confidence.</li>
 *   <li>{@code no/pgx/knowledge/phenoconversion/policy.csv}: what a perpetrator of a given effect and strength does to
 *       a gene (version {@code phenoconversion-policy-1.0}, following docs/clinical-rules.md): CYP2D6 and CYP2C9 activity score
 *       × 0 (strong inhibitor) or × 0.5 (moderate), re-mapped with {@code score-bands.csv}; CYP2C19 strong inhibitor →
 *       Poor Metabolizer, moderate inhibitor → one class down, strong inducer → one class up
 *       ({@code class-ladder.csv}); weak perpetrators and all CYP3A4 rows are not applied.</li>
 * </ul>
 *
 * <h2>Rules of application</h2>
 * The strongest perpetrator of a gene wins (ties: first drug id in alphabetical order); effects are not combined.
 * {@code NOT_TESTED} and {@code INDETERMINATE} results are never converted. A scaled activity score is reported exactly
 * ({@code 0.625}) and looked up with the nearest CPIC grid value in the same class ({@code 0.5}); a lower bound
 * ({@code ≥4.0}) stays a lower bound under × 0.5 and becomes exactly 0 under × 0. Both results are kept in a
 * {@link no.pgx.engine.Phenoconversion}. A result the policy cannot convert is left as predicted and reported as a
 * {@link no.pgx.engine.Problem}.
 *
 * <h2>What the caller does</h2>
 * Resolve co-medication (current medication, recently stopped long-washout drugs such as fluoxetine, terbinafine and
 * amiodarone, and the other drugs being ordered) to drug ids or ATC codes, then call
 * {@link no.pgx.engine.phenoconversion.Phenoconverter#apply}. The drug being assessed itself should not be passed as
 * its own co-medication.
 *
 * <p>The helpers {@code ActivityScore}, {@code ScoreBands} and {@code ClassLadder} are package-private stand-ins for
 * score and class helpers that {@code no.pgx.engine.phenotype.PhenotypeCaller} does not offer yet.
 */
package no.pgx.engine.phenoconversion;
