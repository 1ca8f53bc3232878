package no.pgx.engine.assess;

import java.util.List;
import java.util.Map;
import java.util.Set;

import no.pgx.engine.GeneResult;
import no.pgx.engine.Phenoconversion;

/**
 * The step between phenotype calling and rule evaluation that maps genotype-predicted results to functional ones
 * (drug–drug–gene interactions, CLINICAL.md "Phenoconversion"). Wiring the phenoconversion policy
 * ({@code no.pgx.engine.phenoconversion.Phenoconverter}, whose {@code apply(Map, Collection)} has this shape) is a
 * later work item: until then {@link #IDENTITY} leaves every result as predicted and reports none, and every finding
 * is "genotype-predicted" ({@code Finding.phenoconverted() == false}). The rule outcome cache keys on the functional
 * results, so the step needs no change there.
 */
interface PhenoconversionStep {

    /** No phenoconversion: the functional results are the predicted ones. */
    PhenoconversionStep IDENTITY = (predicted, medications) -> new Functional(predicted, List.of());

    /**
     * @param results          the functional result per gene (same genes as predicted)
     * @param phenoconversions what changed and why; empty when nothing did
     */
    record Functional(Map<String, GeneResult> results, List<Phenoconversion> phenoconversions) {
    }

    /**
     * @param predicted   the genotype-predicted result per gene
     * @param medications the current medication list as drug ids
     * @return the functional results; never null
     */
    Functional apply(Map<String, GeneResult> predicted, Set<String> medications);
}
