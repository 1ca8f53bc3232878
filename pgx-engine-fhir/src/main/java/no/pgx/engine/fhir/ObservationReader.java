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
                   int order) {
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

    void read(Entries.Entry entry) {
        Observation o = entry.observation();
        String name = "Observation " + sourceId(entry);
        if (!usableStatus(o, name)) {
            return;
        }
        Kind kind = Kind.of(o);
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
                out.skip(gene, "status", label + " has status " + written + "; skipped");
                return false;
            }
            case REGISTERED -> {
                out.skip(gene, "status", label + " has no result yet (status registered); skipped");
                return false;
            }
            case PRELIMINARY -> out.problem(gene, "status", label
                    + " is preliminary; it is used, but the final result may differ");
            default -> {
                // final, amended, corrected, unknown: usable
            }
        }
        return true;
    }

    private String gene(Observation o, Kind kind, String name) {
        GeneFinder.Found coded = GeneFinder.coded(o);
        if (coded.genes().size() == 1) {
            return coded.genes().iterator().next();
        }
        if (coded.genes().size() > 1) {
            out.problem(null, "component[gene-studied]", name + " names several genes " + coded.genes()
                    + "; one result per gene is expected; the result is not used");
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
            out.skip(null, "code", name + " is not a pharmacogenomic result (no known gene in its code, components or "
                    + "value); ignored");
        } else {
            out.problem(null, "component[gene-studied]", name + " has no gene: expected a gene-studied component "
                    + "(LOINC 48018-6) with an HGNC code, or the gene symbol in the code text; the result is not used");
        }
        return null;
    }

    /** The gene for messages about Observations that are not read further; never reports anything. */
    static String quietGene(Observation o) {
        GeneFinder.Found coded = GeneFinder.coded(o);
        if (coded.genes().size() == 1) {
            return coded.genes().iterator().next();
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
        } else if (o.getValue() instanceof StringType s && s.getValue() != null) {
            texts.add(s.getValue());
        }
        return texts;
    }

    private Context context(Entries.Entry entry, String name, String gene, Kind kind) {
        Observation o = entry.observation();
        Timing timing = Timing.of(o);
        Provenance provenance = new Provenance(sourceId(entry), timing.testDate(), lab(o), List.of());
        return new Context(o, name, gene, kind, provenance, timing, entry.index());
    }

    private void reportInvalidDates(Context ctx) {
        for (String invalid : ctx.timing().invalid()) {
            String field = invalid.substring(0, invalid.indexOf(' '));
            out.problem(ctx.gene(), field, ctx.label() + ": " + invalid + " is not a valid FHIR date; the result is "
                    + "used, but without this date (it counts as older than dated results for the same gene)");
        }
    }

    private static String sourceId(Entries.Entry entry) {
        Observation o = entry.observation();
        if (o.hasIdElement() && o.getIdElement().hasIdPart()) {
            return o.getIdElement().getIdPart();
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
