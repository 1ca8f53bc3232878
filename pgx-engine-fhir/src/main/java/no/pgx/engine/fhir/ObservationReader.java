package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import no.pgx.engine.Provenance;

/**
 * Reads one Observation into gene result candidates: checks its status, tells what it reports ({@link Kind}), finds
 * its gene, dates it and hands the value to {@link ValueReader}. Every way an Observation can be unusable ends in one
 * problem (malformed) or one skip note (deliberately not used), naming the Observation and the field.
 * Confined to one call; not thread-safe.
 */
final class ObservationReader {
    /** One Observation being read, with what is known about it so far. */
    record Context(Observation observation, String name, String gene, Kind kind, Provenance provenance, Timing timing,
                   int order, boolean preliminary, String report) {
        /** @return {@code Observation obs-1 (CYP2C19)} for messages */
        String label() {
            return gene == null ? name : name + " (" + gene + ")";
        }
    }

    private final Entries entries;
    private final Collected out;
    private final ValueReader values;
    private final ImplicationReader implications;

    ObservationReader(Entries entries, Collected out) {
        this.entries = entries;
        this.out = out;
        this.values = new ValueReader(out);
        this.implications = new ImplicationReader(entries, out);
    }

    static final String VARIANTS = "variant-level Observation(s) (LOINC 69548-6) carry no star-allele or HLA result and"
            + " were";
    static final String CONTEXT = "genomic context Observation(s) (regions studied, phase relationships, groupings,"
            + " overall or diagnostic interpretations) carry no gene result and were";

    void read(Entries.Entry entry) {
        Observation o = entry.observation();
        String name = "Observation " + sourceId(entry);
        if (!usableStatus(o, name)) {
            return;
        }
        Kind kind = Kind.of(o);
        if (kind == Kind.CONTEXT) {
            out.quiet(CONTEXT, sourceId(entry));
            return;
        }
        if (kind == Kind.VARIANT) {
            // A variant Observation is read only when it states an HLA allele (HLA-B*57:01 present/absent).
            String gene = quietGene(o);
            if (gene == null || !Codes.TABLE.gene(gene).map(g -> g.isHla()).orElse(false)) {
                out.quiet(VARIANTS, sourceId(entry));
                return;
            }
        }
        if (kind == Kind.IMPLICATION) {
            Context ctx = context(entry, name, null, kind);
            reportInvalidDates(ctx);
            implications.read(ctx);
            return;
        }
        String gene = gene(o, kind, name);
        if (gene == null) {
            return;
        }
        Context ctx = context(entry, name, gene, kind);
        reportInvalidDates(ctx);
        values.read(ctx);
    }

    private boolean usableStatus(Observation o, String name) {
        String written = o.getStatusElement().getValueAsString();
        String gene = quietGene(o);
        String label = gene == null ? name : name + " (" + gene + ")";
        if (written == null || written.isBlank()) {
            out.problem(gene, "status", label + " has no status; the result is not used");
            return false;
        }
        if (o.getStatus() == null) {
            out.problem(gene, "status", label + ": status '" + written + "' is not a FHIR Observation status; "
                    + "the result is not used");
            return false;
        }
        switch (o.getStatus()) {
            case ENTEREDINERROR, CANCELLED -> {
                out.note(gene, "status", label + " has status " + written + "; not read");
                return false;
            }
            case REGISTERED -> {
                out.note(gene, "status", label + " has no result yet (status registered); not read");
                return false;
            }
            case PRELIMINARY -> {
                // Used only when the gene has no final result; ResultMerger says which it was.
            }
            default -> {
                // final, amended, corrected, unknown: usable
            }
        }
        return true;
    }

    private String gene(Observation o, Kind kind, String name) {
        GeneFinder.Found coded = GeneFinder.coded(o);
        if (coded.genes().size() == 1) {
            return checkedAgainstCode(o, coded.genes().iterator().next(), name);
        }
        if (coded.genes().size() > 1) {
            // The IG's multi-gene genotype (CYP2C9 and VKORC1 components, value "CYP2C9 *2/*5"): the value names one.
            Set<String> named = GeneFinder.inTexts(valueTexts(o));
            named.retainAll(coded.genes());
            if (named.size() == 1) {
                return named.iterator().next();
            }
            out.problem(null, "component[gene-studied]", name + " names several genes " + coded.genes()
                    + " and its value does not say which one the result is about; the result is not used");
            return null;
        }
        if (!coded.unknown().isEmpty()) {
            out.problem(null, "component[gene-studied]", name + ": gene " + String.join(", ", coded.unknown())
                    + " is not a pharmacogene this engine knows; the result is not used");
            return null;
        }
        Set<String> inCode = GeneFinder.inTexts(Codes.texts(o.getCode()));
        if (inCode.size() == 1) {
            return inCode.iterator().next();
        }
        if (inCode.isEmpty() && GeneFinder.ofCode(o.getCode()).isPresent()) {
            return GeneFinder.ofCode(o.getCode()).get();
        }
        String stated = o.getValue() instanceof CodeableConcept cc
                ? PhenotypeCodes.DEFAULT.stated(cc).map(PhenotypeCodes.Stated::gene).orElse(null) : null;
        if (inCode.isEmpty() && stated != null) {
            return stated;
        }
        Set<String> inValue = GeneFinder.inTexts(valueTexts(o));
        if (inCode.isEmpty() && inValue.size() == 1) {
            return inValue.iterator().next();
        }
        if (inCode.size() > 1 || inValue.size() > 1) {
            Set<String> all = new LinkedHashSet<>(inCode);
            all.addAll(inValue);
            out.problem(null, "code", name + " names several genes " + all + " and no gene-studied component says "
                    + "which one it is about; the result is not used");
        } else if (kind == Kind.UNKNOWN) {
            out.note(null, "code", name + " is not a pharmacogenomic result (no known gene in its code, components or "
                    + "value); ignored");
        } else {
            out.problem(null, "component[gene-studied]", name + " has no gene: expected a gene-studied component "
                    + "(LOINC 48018-6) with an HGNC code, or the gene symbol in the code text; the result is not used");
        }
        return null;
    }

    /** A gene-specific phenotype code must agree with the gene-studied component. */
    private String checkedAgainstCode(Observation o, String gene, String name) {
        String ofCode = GeneFinder.ofCode(o.getCode()).orElse(null);
        if (ofCode != null && !ofCode.equals(gene)) {
            out.problem(gene, "code", name + ": the code is about " + ofCode + " but the gene-studied component names "
                    + gene + "; the result is not used");
            return null;
        }
        return gene;
    }

    /** The gene for messages about Observations that are not read further; never reports anything. */
    static String quietGene(Observation o) {
        GeneFinder.Found coded = GeneFinder.coded(o);
        if (coded.genes().size() == 1) {
            return coded.genes().iterator().next();
        }
        if (coded.genes().size() > 1) {
            Set<String> named = GeneFinder.inTexts(valueTexts(o));
            named.retainAll(coded.genes());
            return named.size() == 1 ? named.iterator().next() : null;
        }
        Set<String> genes = GeneFinder.inTexts(Codes.texts(o.getCode()));
        if (genes.isEmpty()) {
            genes = GeneFinder.inTexts(valueTexts(o));
        }
        return genes.size() == 1 ? genes.iterator().next() : null;
    }

    static List<String> valueTexts(Observation o) {
        List<String> texts = new ArrayList<>();
        if (o.getValue() instanceof CodeableConcept cc) {
            texts.addAll(Codes.texts(cc));
            // Codes such as "CYP2C9 *2/*5" (PharmVar) or GL Strings name the gene in the code itself.
            cc.getCoding().stream().filter(c -> c.hasCode()).forEach(c -> texts.add(c.getCode()));
        } else if (o.getValue() instanceof StringType s && s.getValue() != null) {
            texts.add(s.getValue());
        }
        return texts;
    }

    private Context context(Entries.Entry entry, String name, String gene, Kind kind) {
        Observation o = entry.observation();
        Timing timing = Timing.of(o);
        Provenance provenance = new Provenance(sourceId(entry), timing.testDate(), lab(o), List.of());
        return new Context(o, name, gene, kind, provenance, timing, entry.index(),
                o.getStatus() == Observation.ObservationStatus.PRELIMINARY, entry.report());
    }

    private void reportInvalidDates(Context ctx) {
        for (String invalid : ctx.timing().invalid()) {
            String field = invalid.substring(0, invalid.indexOf(' '));
            out.problem(ctx.gene(), field, ctx.label() + ": " + invalid + " is not a valid FHIR date; the result is "
                    + "used, but without this date (it counts as older than dated results for the same gene)");
        }
    }

    /** The Observation's id ({@code geno-1}; a contained one as {@code geno-1 in DiagnosticReport r1}). */
    static String sourceId(Entries.Entry entry) {
        Observation o = entry.observation();
        if (o.hasIdElement() && o.getIdElement().hasIdPart()) {
            String id = o.getIdElement().getIdPart().replaceFirst("^#", "");
            return entry.report() == null ? id : id + " in " + entry.report();
        }
        if (entry.report() != null) {
            return "(contained, no id) in " + entry.report();
        }
        return entry.fullUrl() != null ? entry.fullUrl() : "(entry " + (entry.index() + 1) + ", no id)";
    }

    /** The performing lab: an Organization performer before others; its display, else its name in the document. */
    private String lab(Observation o) {
        Reference chosen = null;
        for (Reference r : o.getPerformer()) {
            if (chosen == null || isOrganization(r) && !isOrganization(chosen)) {
                chosen = r;
            }
        }
        if (chosen == null) {
            return null;
        }
        if (chosen.hasDisplay() && !chosen.getDisplay().isBlank()) {
            return chosen.getDisplay().trim();
        }
        String ref = chosen.getReference();
        if (ref != null && ref.startsWith("#") && entries.names.containsKey(ref)) {
            return entries.names.get(ref);
        }
        if (ref != null && entries.names.containsKey(ref)) {
            return entries.names.get(ref);
        }
        return ref;
    }

    private static boolean isOrganization(Reference r) {
        return "Organization".equals(r.getType())
                || r.getReference() != null && r.getReference().contains("Organization/");
    }
}
