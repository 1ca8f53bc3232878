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
 * Turns the value of an Observation whose gene is known into candidates: a diplotype, a haplotype, a phenotype or an
 * activity score (HLA genes: {@link HlaReader}), plus phenotype and activity-score components of genotype
 * Observations. Confined to one call.
 */
final class ValueReader {
    private final Collected out;
    private final HlaReader hla;

    ValueReader(Collected out) {
        this.out = out;
        this.hla = new HlaReader(out, this);
    }

    void read(Context ctx) {
        if (Codes.TABLE.gene(ctx.gene()).orElseThrow().isHla()) {
            hla.read(ctx);
            return;
        }
        switch (ctx.kind()) {
            case GENOTYPE -> genotype(ctx);
            case PHENOTYPE -> phenotype(ctx);
            case ACTIVITY_SCORE -> activityScore(ctx);
            case HAPLOTYPE -> haplotype(ctx);
            default -> byValue(ctx);
        }
    }

    private void genotype(Context ctx) {
        String value = genotypeText(ctx);
        if (value == null) {
            return;
        }
        String phenotype = phenotypeOf(ctx.observation().getValue(), ctx);
        if (isRecognisedPhenotype(phenotype, ctx.gene())) {
            add(ctx, null, phenotype, componentActivityScore(ctx));
            return;
        }
        String diplotype = ResultText.stripGene(value, ctx.gene());
        if (diplotype.isEmpty()) {
            out.problem(ctx.gene(), "value", ctx.label() + ": the value '" + value + "' holds no diplotype; "
                    + "the result is not used");
            return;
        }
        add(ctx, diplotype, componentPhenotype(ctx), componentActivityScore(ctx));
    }

    /** One haplotype (LOINC 84414-2): paired with the gene's other haplotype when no genotype is given. */
    private void haplotype(Context ctx) {
        String value = genotypeText(ctx);
        if (value == null) {
            return;
        }
        String allele = ResultText.stripGene(value, ctx.gene());
        if (allele.isEmpty() || allele.contains("/")) {
            out.problem(ctx.gene(), "value", ctx.label() + ": the haplotype '" + value + "' is not one allele; "
                    + "the result is not used");
            return;
        }
        out.candidates.add(candidate(ctx, null, null, null, null, allele, HlaReader.homozygous(ctx.observation()),
                false));
    }

    private void phenotype(Context ctx) {
        Observation o = ctx.observation();
        if (o.getValue() instanceof CodeableConcept cc) {
            PhenotypeCodes.Stated stated = PhenotypeCodes.DEFAULT.stated(cc).orElse(null);
            if (stated != null && stated.gene() != null && !stated.gene().equals(ctx.gene())) {
                out.problem(ctx.gene(), "value", ctx.label() + ": the value states a " + stated.gene() + " phenotype for "
                        + ctx.gene() + "; the result is not used");
                return;
            }
        }
        if (valueText(ctx) == null) {
            return;
        }
        add(ctx, null, phenotypeOf(o.getValue(), ctx), componentActivityScore(ctx));
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
        add(ctx, null, null, score);
    }

    /** Code and profile did not say what the value is: decide from the value itself. */
    private void byValue(Context ctx) {
        String value = valueText(ctx);
        if (value == null) {
            return;
        }
        String phenotype = phenotypeOf(ctx.observation().getValue(), ctx);
        String lower = ResultText.lower(value);
        if (isRecognisedPhenotype(phenotype, ctx.gene()) || lower.contains("metaboli") || lower.contains("function")
                || lower.contains("omsetter") || lower.contains("funksjon")) {
            add(ctx, null, phenotype, null);
        } else if (value.contains("*") || value.contains("/") || lower.startsWith("rs") || lower.contains("c.")) {
            add(ctx, ResultText.stripGene(value, ctx.gene()), componentPhenotype(ctx), componentActivityScore(ctx));
        } else {
            out.problem(ctx.gene(), "value", ctx.label() + ": cannot tell whether '" + value + "' is a diplotype or a "
                    + "phenotype (the code does not say: use LOINC 84413-4 or 53040-2); the result is not used");
        }
    }

    static boolean isPhenotypeComponent(CodeableConcept code) {
        if (Codes.has(code, GenomicConcept.DRUG_METABOLISM_EFFECT)
                || Codes.has(code, GenomicConcept.THERAPEUTIC_IMPLICATION)
                || Codes.has(code, GenomicConcept.PREDICTED_THERAPEUTIC_IMPLICATION)
                || PhenotypeCodes.DEFAULT.isPhenotypeCode(code)) {
            return true;
        }
        String t = ResultText.lower(Codes.text(code));
        return t.contains("phenotype") || t.contains("fenotype") || t.contains("metaboli");
    }

    private String componentPhenotype(Context ctx) {
        for (ObservationComponentComponent c : ctx.observation().getComponent()) {
            if (isPhenotypeComponent(c.getCode())) {
                String p = phenotypeOf(c.getValue(), ctx);
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

    private static String phenotypeOf(Type value, Context ctx) {
        return phenotypeFromValue(value, ctx.gene());
    }

    /**
     * A LOINC answer code or a SNOMED CT metabolizer concept gives the CPIC term; text is kept as written unless it is
     * a known phenotype text.
     */
    static String phenotypeFromValue(Type value, String gene) {
        if (value instanceof CodeableConcept cc) {
            for (Coding c : cc.getCoding()) {
                PhenotypeAnswer answer = Codes.TABLE.phenotypeByAnswer(c.getCode()).orElse(null);
                if (answer != null) {
                    return answer.cpicTerm();
                }
            }
            PhenotypeCodes.Stated stated = PhenotypeCodes.DEFAULT.stated(cc).orElse(null);
            if (stated != null) {
                return cleanPhenotype(stated.phenotype(), gene);
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

    /**
     * The genotype as text: the concept's text, else one coding's display or code, else two codings that each name
     * one allele (PharmVar {@code CYP2C9*2} and {@code CYP2C9*5}) joined as {@code *2/*5}.
     */
    private String genotypeText(Context ctx) {
        if (ctx.observation().getValue() instanceof CodeableConcept cc && !cc.hasText() && cc.getCoding().size() == 2) {
            List<String> alleles = new ArrayList<>();
            for (Coding c : cc.getCoding()) {
                String t = c.hasDisplay() ? c.getDisplay() : c.getCode();
                String allele = t == null ? "" : ResultText.stripGene(t, ctx.gene());
                if (allele.startsWith("*") && !allele.contains("/")) {
                    alleles.add(allele);
                }
            }
            if (alleles.size() == 2) {
                return alleles.get(0) + "/" + alleles.get(1);
            }
        }
        return valueText(ctx);
    }

    /** The value as text; reports a missing value (a problem) or a stated absence of a result (a note). */
    String valueText(Context ctx) {
        Observation o = ctx.observation();
        List<String> texts = new ArrayList<>();
        if (o.getValue() instanceof StringType s && s.getValue() != null) {
            texts.add(s.getValue());
        }
        String text = o.getValue() instanceof CodeableConcept cc ? Codes.text(cc)
                : texts.isEmpty() ? null : texts.get(0);
        if (text == null && o.getValue() instanceof Quantity q && q.hasValue()) {
            text = q.getValue().toPlainString();
        }
        if (text != null && !text.isBlank()) {
            return text.trim();
        }
        if (o.hasDataAbsentReason()) {
            out.note(ctx.gene(), "dataAbsentReason", ctx.label() + " has no result (data absent: "
                    + Codes.text(o.getDataAbsentReason()) + "); not read");
        } else {
            out.problem(ctx.gene(), "value", ctx.label() + " has no value (expected the result in "
                    + "valueCodeableConcept or valueString); the result is not used");
        }
        return null;
    }

    private void add(Context ctx, String diplotype, String phenotype, String activityScore) {
        out.candidates.add(candidate(ctx, diplotype, phenotype, activityScore, null, null, false, false));
    }

    static ObservationReading candidate(Context ctx, String diplotype, String phenotype, String activityScore,
                               String alleleStatus, String haplotype, boolean homozygous, boolean fromImplication) {
        return new ObservationReading(ctx.gene(), diplotype, phenotype, activityScore, alleleStatus, haplotype, homozygous,
                ctx.provenance(), ctx.timing().when(), ctx.timing().issued(), fromImplication, ctx.preliminary(),
                ctx.name(), ctx.order());
    }
}
