package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.StringType;

import no.pgx.engine.fhir.ObservationReader.Context;
import no.pgx.terminology.genetics.Gene;
import no.pgx.terminology.genetics.HlaAlleles;
import no.pgx.terminology.genetics.HlaAlleles.Presence;
import no.pgx.terminology.genetics.HlaAlleles.Typing;
import no.pgx.terminology.genetics.NotationException;
import no.pgx.terminology.genomics.GenomicConcept;

/**
 * Reads HLA-A / HLA-B Observations at two-field resolution ({@link HlaAlleles}): a typing (GL String
 * {@code HLA-B*15:01:01G+HLA-B*57:01:01G}, coded with {@code http://glstring.org}, or {@code *57:01/*08:01}) gives a
 * diplotype when it names one genotype, else a status for each risk allele it decides; an allele status
 * ({@code HLA-B*57:01 positive}, a named allele with Present/Absent, allele-coded components with Positive/Negative)
 * gives statuses; a haplotype Observation gives one allele, paired with the gene's other haplotype later. A risk
 * allele an ambiguous typing may or may not carry is a problem (indeterminate, never negative); an allele no guideline
 * keys on is information (a note), not an error. Confined to one call.
 */
final class HlaReader {
    static final String GL_STRING_SYSTEM = "http://glstring.org";
    static final String IMGT_HLA_SYSTEM = "http://www.ebi.ac.uk/ipd/imgt/hla";

    private final Collected out;
    private final ValueReader values;

    HlaReader(Collected out, ValueReader values) {
        this.out = out;
        this.values = values;
    }

    void read(Context ctx) {
        Observation o = ctx.observation();
        Gene gene = RiskAlleles.DEFAULT.gene(ctx.gene());
        if (ctx.kind() == Kind.ACTIVITY_SCORE) {
            out.problem(ctx.gene(), "code", ctx.label() + ": HLA genes have no activity score; the result is not used");
            return;
        }
        if (alleleComponents(ctx, gene)) {
            return;
        }
        String value = valueText(o);
        if (value == null) {
            values.valueText(ctx);
            return;
        }
        Boolean present = o.getValue() instanceof CodeableConcept cc ? codedPresence(cc) : null;
        if (present == null) {
            present = ResultText.presence(value);
        }
        try {
            if (present != null) {
                statuses(ctx, gene, allelesNamed(ctx, gene, value), present);
            } else if (ctx.kind() == Kind.HAPLOTYPE) {
                HlaAlleles.typing(gene, value, "value");
                out.candidates.add(ValueReader.candidate(ctx, null, null, null, null, value, homozygous(o), false));
            } else if (ctx.kind() == Kind.VARIANT) {
                out.problem(ctx.gene(), "value", ctx.label() + ": the value does not say whether the HLA allele is "
                        + "present or absent; the result is not used");
            } else {
                typing(ctx, typingOf(gene, value));
            }
        } catch (NotationException e) {
            out.problem(ctx.gene(), "value", ctx.label() + ": " + e.getMessage() + "; the result is not used");
        }
    }

    /** A typing read from a genotype Observation: the diplotype, or the statuses it decides. */
    void typing(Context ctx, Typing typing) {
        if (typing.diplotype().isPresent()) {
            out.candidates.add(ValueReader.candidate(ctx, typing.diplotype().get(), null, null, null, null, false,
                    false));
            return;
        }
        decide(ctx, typing);
    }

    /** Statuses for the risk alleles a typing decides; problems for those it leaves open. */
    void decide(Context ctx, Typing typing) {
        List<String> decided = new ArrayList<>();
        List<String> open = new ArrayList<>();
        for (String risk : RiskAlleles.DEFAULT.of(ctx.gene())) {
            Presence p = typing.presence(risk);
            if (p == Presence.UNKNOWN && typing.alleles().contains(risk)) {
                open.add(risk);
            } else if (p == Presence.ABSENT && RiskAlleles.DEFAULT.listedOnlyWhenPresent(ctx.gene(), risk)) {
                continue;  // a key only carriers have (DPWG HLA-B*15:11): its absence is not stated
            } else if (p != Presence.UNKNOWN) {
                decided.add(risk + (p == Presence.PRESENT ? " positive" : " negative"));
            }
        }
        for (String risk : open) {
            out.problem(ctx.gene(), "value", ctx.label() + ": the typing '" + typing.asWritten() + "' is ambiguous for "
                    + ctx.gene() + risk + " (it allows genotypes with and without it): " + risk + " is indeterminate, "
                    + "not negative; it is not used (confirm with a two-field typing)");
        }
        decided.forEach(s -> out.candidates.add(ValueReader.candidate(ctx, null, null, null, s, null, false, false)));
        if (decided.isEmpty() && open.isEmpty()) {
            out.note(ctx.gene(), "value", ctx.label() + ": " + ctx.gene() + " " + String.join(", ", typing.alleles())
                    + " is information only: no guideline keys on " + (typing.alleles().size() == 1 ? "it" : "them")
                    + ", and one allele says nothing about the risk alleles " + String.join(", ",
                    RiskAlleles.DEFAULT.of(ctx.gene())));
        }
    }

    /** Allele statuses: risk alleles become candidates, other alleles a note. */
    private void statuses(Context ctx, Gene gene, Set<String> alleles, boolean present) {
        if (alleles.isEmpty()) {
            out.problem(ctx.gene(), "value", ctx.label() + ": no HLA allele (such as *57:01) found in the value or code;"
                    + " the result is not used");
            return;
        }
        List<String> risk = RiskAlleles.DEFAULT.of(gene.symbol());
        List<String> other = new ArrayList<>();
        for (String allele : alleles) {
            if (risk.contains(allele)) {
                out.candidates.add(ValueReader.candidate(ctx, null, null, null,
                        allele + (present ? " positive" : " negative"), null, false, false));
            } else {
                other.add(allele);
            }
        }
        if (!other.isEmpty()) {
            out.note(ctx.gene(), "value", ctx.label() + ": " + ctx.gene() + " " + String.join(", ", other)
                    + (present ? " present" : " absent") + " is information only: no guideline keys on it (risk alleles: "
                    + String.join(", ", risk) + ")");
        }
    }

    /** Our own written shape: components whose code is an IMGT/HLA allele and whose value is Positive/Negative. */
    private boolean alleleComponents(Context ctx, Gene gene) {
        boolean found = false;
        for (ObservationComponentComponent c : ctx.observation().getComponent()) {
            Coding allele = c.getCode().getCoding().stream().filter(x -> IMGT_HLA_SYSTEM.equals(x.getSystem()))
                    .findFirst().orElse(null);
            Boolean present = c.getValue() instanceof CodeableConcept cc ? codedPresence(cc) : null;
            if (allele != null && present != null && ctx.kind() != Kind.GENOTYPE) {
                try {
                    statuses(ctx, gene, Set.of(HlaAlleles.twoField(gene, allele.getCode())), present);
                } catch (NotationException e) {
                    out.problem(ctx.gene(), "component", ctx.label() + ": " + e.getMessage() + "; not used");
                }
                found = true;
            }
        }
        return found;
    }

    private Set<String> allelesNamed(Context ctx, Gene gene, String value) {
        Set<String> alleles = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        texts.add(value);
        texts.addAll(Codes.texts(ctx.observation().getCode()));
        for (ObservationComponentComponent c : ctx.observation().getComponent()) {
            if (!GeneFinder.isGeneStudied(c.getCode()) && c.getValue() instanceof CodeableConcept cc) {
                texts.addAll(Codes.texts(cc));
                cc.getCoding().stream().filter(Coding::hasCode).forEach(x -> texts.add(x.getCode()));
            } else if (!GeneFinder.isGeneStudied(c.getCode()) && c.getValue() instanceof StringType s) {
                texts.add(s.getValue());
            }
        }
        for (String text : texts) {
            for (String name : ResultText.hlaAlleles(text)) {
                alleles.add(HlaAlleles.twoField(gene, "*" + name));
            }
            if (!alleles.isEmpty()) {
                break;
            }
        }
        return alleles;
    }

    /** A typing from the text as written, else from the allele names found in it (joined as one genotype). */
    private static Typing typingOf(Gene gene, String value) {
        try {
            return HlaAlleles.typing(gene, value, "value");
        } catch (NotationException e) {
            List<String> names = ResultText.hlaAlleles(value);
            if (names.isEmpty() || names.size() > 2) {
                throw e;
            }
            return HlaAlleles.typing(gene, "*" + String.join("+*", names), "value");
        }
    }

    /** The value: a GL String code, an IMGT/HLA allele code, else the text or display. */
    private static String valueText(Observation o) {
        if (o.getValue() instanceof CodeableConcept cc) {
            for (String system : List.of(GL_STRING_SYSTEM, IMGT_HLA_SYSTEM)) {
                for (Coding c : cc.getCoding()) {
                    if (system.equals(c.getSystem()) && c.hasCode()) {
                        return c.getCode().trim();
                    }
                    if (system.equals(c.getSystem()) && c.hasDisplay()) {
                        return c.getDisplay().trim();
                    }
                }
            }
            String text = Codes.text(cc);
            return text == null || text.isBlank() ? null : text.trim();
        }
        if (o.getValue() instanceof StringType s && s.getValue() != null && !s.getValue().isBlank()) {
            return s.getValue().trim();
        }
        return null;
    }

    static Boolean codedPresence(CodeableConcept cc) {
        if (Codes.has(cc, GenomicConcept.POSITIVE) || Codes.has(cc, GenomicConcept.PRESENT)) {
            return Boolean.TRUE;
        }
        if (Codes.has(cc, GenomicConcept.NEGATIVE) || Codes.has(cc, GenomicConcept.ABSENT)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** LOINC allelic state 53034-5 = LA6705-3 Homozygous (or the word). */
    static boolean homozygous(Observation o) {
        for (ObservationComponentComponent c : o.getComponent()) {
            boolean state = c.getCode().getCoding().stream().anyMatch(x -> "53034-5".equals(x.getCode()))
                    || ResultText.lower(Codes.text(c.getCode())).contains("allelic state")
                    || ResultText.lower(Codes.text(c.getCode())).contains("zygosity");
            if (state && c.getValue() instanceof CodeableConcept cc) {
                boolean coded = cc.getCoding().stream().anyMatch(x -> "LA6705-3".equals(x.getCode()));
                if (coded || ResultText.lower(Codes.text(cc)).contains("homozygous")) {
                    return true;
                }
            }
        }
        return false;
    }
}
