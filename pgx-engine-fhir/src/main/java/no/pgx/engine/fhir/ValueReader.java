package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
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
    private final Collected out;

    ValueReader(Collected out) {
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
        if (isRecognisedPhenotype(phenotype, ctx.gene())) {
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
        if (isRecognisedPhenotype(phenotype, ctx.gene()) || lower.contains("metaboli") || lower.contains("function")
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

    static boolean isPhenotypeComponent(CodeableConcept code) {
        if (Codes.has(code, GenomicConcept.DRUG_METABOLISM_EFFECT)
                || Codes.has(code, GenomicConcept.THERAPEUTIC_IMPLICATION)
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
    static String phenotypeFromValue(Type value, String gene) {
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

    /** A known spelling becomes its CPIC term; anything else is passed on as written for the engine to judge. */
    private static String cleanPhenotype(String text, String gene) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = ResultText.stripGene(text, gene);
        return Vocabulary.cpicTerm(s, gene).orElse(s);
    }

    private static boolean isRecognisedPhenotype(String phenotype, String gene) {
        return phenotype != null && Vocabulary.cpicTerm(phenotype, gene).isPresent();
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

    static Candidate candidate(Context ctx, String diplotype, String phenotype, String activityScore,
                                       String alleleStatus, boolean fromImplication) {
        String key = alleleStatus == null ? ctx.gene() : ctx.gene() + "|" + ResultText.allelePart(alleleStatus);
        return new Candidate(ctx.gene(), key, diplotype, phenotype, activityScore, alleleStatus, ctx.provenance(),
                ctx.timing().when(), ctx.timing().issued(), fromImplication, ctx.name(), ctx.order());
    }
}
