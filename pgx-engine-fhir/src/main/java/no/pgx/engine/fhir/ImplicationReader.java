package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Type;

import no.pgx.engine.GeneResult;
import no.pgx.engine.fhir.ObservationReader.Context;

/**
 * Reads therapeutic-implication Observations (IG profile {@code therapeutic-implication}). They state a phenotype per
 * drug, so they are only a fallback for genes without a lab result (decided in {@link ResultMerger}). The gene comes
 * from a gene-studied component, else from the genotype the implication is derived from, else from the code text; with
 * several genes, each phenotype must name its gene ({@code CYP2C19: Poor metabolizer}). Implications written from a
 * phenoconverted phenotype are never lab results and are skipped. Confined to one call.
 */
final class ImplicationReader {
    /** Marks an implication written from a phenoconverted (functional) phenotype; written by FhirObservations. */
    static final String PHENOCONVERSION_COMPONENT = "Phenoconversion";

    private final Entries entries;
    private final Collected out;

    ImplicationReader(Entries entries, Collected out) {
        this.entries = entries;
        this.out = out;
    }

    void read(Context ctx) {
        Observation o = ctx.observation();
        List<ObservationComponentComponent> phenotypes = new ArrayList<>();
        for (ObservationComponentComponent c : o.getComponent()) {
            if (PHENOCONVERSION_COMPONENT.equalsIgnoreCase(Codes.text(c.getCode()))) {
                out.note(null, "component", ctx.name() + " states a phenotype after phenoconversion by co-medication, "
                        + "not a lab result; skipped");
                return;
            }
            if (ValueReader.isPhenotypeComponent(c.getCode())) {
                phenotypes.add(c);
            }
        }
        Set<String> genes = genes(o, ctx);
        if (phenotypes.isEmpty() || genes.isEmpty()) {
            out.note(genes.size() == 1 ? genes.iterator().next() : null, "component", ctx.name()
                    + " is a therapeutic implication without " + (genes.isEmpty() ? "a gene" : "a phenotype")
                    + "; not used as a gene result");
            return;
        }
        for (ObservationComponentComponent c : phenotypes) {
            String gene = geneOf(c.getValue(), genes);
            if (gene == null) {
                out.note(null, "component", ctx.name() + ": cannot tell which of the genes " + genes
                        + " a phenotype component is about; not used as a gene result");
                continue;
            }
            String phenotype = ValueReader.phenotypeFromValue(c.getValue(), gene);
            // "No Result" in an implication's lookup key means the gene was not tested: it is not a result.
            if (phenotype != null && !GeneResult.NO_RESULT.equalsIgnoreCase(phenotype)
                    && Vocabulary.cpicTerm(phenotype, gene).isEmpty() && !isAlleleStatus(phenotype)) {
                out.note(gene, "component", ctx.name() + " states '" + phenotype + "' for " + gene + ", which is not a"
                        + " phenotype the engine reads (such as Poor Metabolizer); not used as a gene result");
            } else if (phenotype != null && !GeneResult.NO_RESULT.equalsIgnoreCase(phenotype)) {
                Context withGene = new Context(o, ctx.name(), gene, ctx.kind(), ctx.provenance(), ctx.timing(),
                        ctx.order(), ctx.preliminary(), ctx.report());
                out.candidates.add(ValueReader.candidate(withGene, null, phenotype, null, null, null, false, true));
            }
        }
    }

    private Set<String> genes(Observation o, Context ctx) {
        Set<String> genes = new LinkedHashSet<>(GeneFinder.coded(o).genes());
        if (genes.isEmpty()) {
            for (Reference r : o.getDerivedFrom()) {
                Observation source = entries.resolve(r.getReference(), ctx.report());
                String gene = source == null ? null : ObservationReader.quietGene(source);
                if (gene != null) {
                    genes.add(gene);
                }
            }
        }
        if (genes.isEmpty()) {
            genes.addAll(GeneFinder.inTexts(Codes.texts(o.getCode())));
        }
        return genes;
    }

    private static boolean isAlleleStatus(String phenotype) {
        String p = ResultText.lower(phenotype);
        return p.endsWith(" positive") || p.endsWith(" negative");
    }

    private static String geneOf(Type value, Set<String> genes) {
        if (genes.size() == 1) {
            return genes.iterator().next();
        }
        List<String> texts = value instanceof CodeableConcept cc ? Codes.texts(cc)
                : value != null && value.primitiveValue() != null ? List.of(value.primitiveValue()) : List.of();
        Set<String> named = GeneFinder.inTexts(texts);
        named.retainAll(genes);
        return named.size() == 1 ? named.iterator().next() : null;
    }
}
