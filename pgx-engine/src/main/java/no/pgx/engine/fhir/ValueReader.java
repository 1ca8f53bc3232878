package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

import no.pgx.engine.fhir.ObservationReader.Context;
import no.pgx.terminology.genomics.GenomicConcept;
import no.pgx.terminology.genomics.PhenotypeAnswer;

/**
 * Turns the value of an Observation whose gene is known into candidates: a diplotype, a phenotype, an activity score
 * or HLA allele statuses, plus phenotype and activity-score components of genotype Observations. Confined to one call.
 */
final class ValueReader {
    /** Marks a therapeutic implication written from a phenoconverted (functional) phenotype; see FhirObservations. */
    static final String PHENOCONVERSION_COMPONENT = "Phenoconversion";

    private final Entries entries;
    private final Collected out;

    ValueReader(Entries entries, Collected out) {
        this.entries = entries;
        this.out = out;
    }

    void read(Context ctx) {
        if (Codes.TABLE.gene(ctx.gene()).orElseThrow().isHla()) {
            hla(ctx);
            return;
        }
        switch (ctx.kind()) {
            case GENOTYPE -> genotype(ctx);
            case PHENOTYPE -> phenotype(ctx);
            case ACTIVITY_SCORE -> activityScore(ctx);
            case HAPLOTYPE -> out.skip(ctx.gene(), "code", ctx.label() + " is a single haplotype; the genotype "
                    + "Observation of the gene is used instead; skipped");
            case VARIANT -> out.skip(ctx.gene(), "code", ctx.label() + " is a single-variant result; only genotype, "
                    + "phenotype and HLA allele results are read; skipped");
            default -> byValue(ctx);
        }
    }

    private void genotype(Context ctx) {
        String value = valueText(ctx);
        if (value == null) {
            return;
        }
        String phenotype = phenotypeFromValue(ctx.observation().getValue(), ctx.gene());
        if (isRecognisedPhenotype(phenotype)) {
            add(ctx, null, phenotype, componentActivityScore(ctx), null);
            return;
        }
        String diplotype = ResultText.stripGene(value, ctx.gene());
        if (diplotype.isEmpty()) {
            out.problem(ctx.gene(), "value", ctx.label() + ": the value '" + value + "' holds no diplotype; "
                    + "the result is not used");
            return;
        }
        add(ctx, diplotype, componentPhenotype(ctx), componentActivityScore(ctx), null);
    }

    private void phenotype(Context ctx) {
        if (valueText(ctx) == null) {
            return;
        }
        add(ctx, null, phenotypeFromValue(ctx.observation().getValue(), ctx.gene()), null, null);
    }

    private void activityScore(Context ctx) {
        Type v = ctx.observation().getValue();
        String score = v instanceof Quantity q && q.hasValue() ? q.getValue().toPlainString()
                : v instanceof DecimalType d && d.getValue() != null ? d.getValue().toPlainString()
                : v instanceof IntegerType i && i.getValue() != null ? i.getValue().toString()
                : valueText(ctx);
        if (score == null) {
            return;
        }
        add(ctx, null, null, score, null);
    }

    /** Code and profile did not say what the value is: decide from the value itself. */
    private void byValue(Context ctx) {
        String value = valueText(ctx);
        if (value == null) {
            return;
        }
        String phenotype = phenotypeFromValue(ctx.observation().getValue(), ctx.gene());
        String lower = ResultText.lower(value);
        if (isRecognisedPhenotype(phenotype) || lower.contains("metaboli") || lower.contains("function")
                || lower.contains("omsetter") || lower.contains("funksjon")) {
            add(ctx, null, phenotype, null, null);
        } else if (value.contains("*") || value.contains("/") || lower.startsWith("rs") || lower.contains("c.")) {
            add(ctx, ResultText.stripGene(value, ctx.gene()), componentPhenotype(ctx), componentActivityScore(ctx),
                    null);
        } else {
            out.problem(ctx.gene(), "value", ctx.label() + ": cannot tell whether '" + value + "' is a diplotype or a "
                    + "phenotype (the code does not say: use LOINC 84413-4 or 53040-2); the result is not used");
        }
    }

    private void hla(Context ctx) {
        if (ctx.kind() == Kind.ACTIVITY_SCORE) {
            out.problem(ctx.gene(), "code", ctx.label() + ": HLA genes have no activity score; the result is not used");
            return;
        }
        String value = valueText(ctx);
        if (value == null) {
            return;
        }
        Boolean coded = ctx.observation().getValue() instanceof CodeableConcept cc ? codedPresence(cc) : null;
        List<String> context = new ArrayList<>(Codes.texts(ctx.observation().getCode()));
        for (ObservationComponentComponent c : ctx.observation().getComponent()) {
            if (!GeneFinder.isGeneStudied(c.getCode()) && c.getValue() instanceof CodeableConcept cc) {
                context.addAll(Codes.texts(cc));
            } else if (!GeneFinder.isGeneStudied(c.getCode()) && c.getValue() instanceof StringType s) {
                context.add(s.getValue());
            }
        }
        boolean implied = ctx.kind() == Kind.GENOTYPE || ctx.kind() == Kind.HAPLOTYPE;
        ResultText.Hla hla = ResultText.readHla(value, coded, context, implied);
        if (hla.error() != null) {
            out.problem(ctx.gene(), "value", ctx.label() + ": " + hla.error() + "; the result is not used");
        } else if (hla.diplotype() != null) {
            add(ctx, hla.diplotype(), null, null, null);
        } else {
            hla.alleleStatuses().forEach(status -> add(ctx, null, null, null, status));
        }
    }

    /** Therapeutic implications carry a phenotype per drug; they are a fallback for genes without a lab result. */
    void implication(Context ctx) {
        Observation o = ctx.observation();
        List<ObservationComponentComponent> phenotypes = new ArrayList<>();
        for (ObservationComponentComponent c : o.getComponent()) {
            if (PHENOCONVERSION_COMPONENT.equalsIgnoreCase(Codes.text(c.getCode()))) {
                out.skip(null, "component", ctx.name() + " states a phenotype after phenoconversion by co-medication, "
                        + "not a lab result; skipped");
                return;
            }
            if (isPhenotypeComponent(c.getCode())) {
                phenotypes.add(c);
            }
        }
        Set<String> genes = implicationGenes(o);
        if (phenotypes.isEmpty() || genes.isEmpty()) {
            out.skip(genes.size() == 1 ? genes.iterator().next() : null, "component", ctx.name()
                    + " is a therapeutic implication without " + (genes.isEmpty() ? "a gene" : "a phenotype")
                    + "; not used as a gene result");
            return;
        }
        for (ObservationComponentComponent c : phenotypes) {
            Set<String> named = GeneFinder.inTexts(c.getValue() instanceof CodeableConcept cc ? Codes.texts(cc)
                    : List.of(c.getValue() == null ? "" : c.getValue().primitiveValue() == null ? "" : c.getValue().primitiveValue()));
            named.retainAll(genes);
            String gene = genes.size() == 1 ? genes.iterator().next() : named.size() == 1 ? named.iterator().next() : null;
            if (gene == null) {
                out.skip(null, "component", ctx.name() + ": cannot tell which of the genes " + genes
                        + " a phenotype component is about; not used as a gene result");
                continue;
            }
            String phenotype = phenotypeFromValue(c.getValue(), gene);
            if (phenotype != null) {
                Context withGene = new Context(o, ctx.name(), gene, ctx.kind(), ctx.provenance(), ctx.timing(),
                        ctx.order());
                out.candidates.add(candidate(withGene, null, phenotype, null, null, true));
            }
        }
    }

    private Set<String> implicationGenes(Observation o) {
        Set<String> genes = new LinkedHashSet<>(GeneFinder.coded(o).genes());
        if (genes.isEmpty()) {
            for (Reference r : o.getDerivedFrom()) {
                Observation source = r.getReference() == null ? null : entries.byReference.get(r.getReference());
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

    private static boolean isPhenotypeComponent(CodeableConcept code) {
        if (Codes.has(code, GenomicConcept.DRUG_METABOLISM_EFFECT) || Codes.has(code, GenomicConcept.THERAPEUTIC_IMPLICATION)
                || Codes.has(code, GenomicConcept.PREDICTED_THERAPEUTIC_IMPLICATION)) {
            return true;
        }
        String t = ResultText.lower(Codes.text(code));
        return t.contains("phenotype") || t.contains("fenotype") || t.contains("metaboli");
    }

    private String componentPhenotype(Context ctx) {
        for (ObservationComponentComponent c : ctx.observation().getComponent()) {
            if (isPhenotypeComponent(c.getCode())) {
                String p = phenotypeFromValue(c.getValue(), ctx.gene());
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String componentActivityScore(Context ctx) {
        for (ObservationComponentComponent c : ctx.observation().getComponent()) {
            if (ResultText.lower(Codes.text(c.getCode())).contains("activity score")) {
                Type v = c.getValue();
                if (v instanceof Quantity q && q.hasValue()) {
                    return q.getValue().toPlainString();
                }
                if (v != null && v.primitiveValue() != null && !v.primitiveValue().isBlank()) {
                    return v.primitiveValue().trim();
                }
            }
        }
        return null;
    }

    /** A LOINC answer code gives the CPIC term; text is kept as written unless it is a known phenotype text. */
    private static String phenotypeFromValue(Type value, String gene) {
        if (value instanceof CodeableConcept cc) {
            for (Coding c : cc.getCoding()) {
                PhenotypeAnswer answer = Codes.TABLE.phenotypeByAnswer(c.getCode()).orElse(null);
                if (answer != null) {
                    return answer.cpicTerm();
                }
            }
            return cleanPhenotype(Codes.text(cc), gene);
        }
        if (value instanceof StringType s) {
            return cleanPhenotype(s.getValue(), gene);
        }
        return null;
    }

    private static String cleanPhenotype(String text, String gene) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = ResultText.stripGene(text, gene);
        return Codes.TABLE.phenotype(s).map(PhenotypeAnswer::cpicTerm).orElse(s);
    }

    private static boolean isRecognisedPhenotype(String phenotype) {
        return phenotype != null && Codes.TABLE.phenotype(phenotype).isPresent();
    }

    private static Boolean codedPresence(CodeableConcept cc) {
        if (Codes.has(cc, GenomicConcept.POSITIVE) || Codes.has(cc, GenomicConcept.PRESENT)) {
            return Boolean.TRUE;
        }
        if (Codes.has(cc, GenomicConcept.NEGATIVE) || Codes.has(cc, GenomicConcept.ABSENT)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** The value as text; reports a missing value (a problem) or a stated absence of a result (a skip). */
    private String valueText(Context ctx) {
        Observation o = ctx.observation();
        List<String> texts = ObservationReader.valueTexts(o);
        String text = o.getValue() instanceof CodeableConcept cc ? Codes.text(cc)
                : texts.isEmpty() ? null : texts.get(0);
        if (text == null && o.getValue() instanceof Quantity q && q.hasValue()) {
            text = q.getValue().toPlainString();
        }
        if (text != null && !text.isBlank()) {
            return text.trim();
        }
        if (o.hasDataAbsentReason()) {
            out.skip(ctx.gene(), "dataAbsentReason", ctx.label() + " has no result (data absent: "
                    + Codes.text(o.getDataAbsentReason()) + "); skipped");
        } else {
            out.problem(ctx.gene(), "value", ctx.label() + " has no value (expected the result in "
                    + "valueCodeableConcept or valueString); the result is not used");
        }
        return null;
    }

    private void add(Context ctx, String diplotype, String phenotype, String activityScore, String alleleStatus) {
        out.candidates.add(candidate(ctx, diplotype, phenotype, activityScore, alleleStatus, false));
    }

    private static Candidate candidate(Context ctx, String diplotype, String phenotype, String activityScore,
                                       String alleleStatus, boolean fromImplication) {
        String key = alleleStatus == null ? ctx.gene() : ctx.gene() + "|" + ResultText.allelePart(alleleStatus);
        return new Candidate(ctx.gene(), key, diplotype, phenotype, activityScore, alleleStatus, ctx.provenance(),
                ctx.timing().when(), ctx.timing().issued(), fromImplication, ctx.name(), ctx.order());
    }
}
