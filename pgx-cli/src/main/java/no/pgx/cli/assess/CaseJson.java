package no.pgx.cli.assess;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.pgx.engine.CheckedAlternative;
import no.pgx.engine.DoseFact;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Note;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Problem;

/**
 * The one mapping from assessment results to the {@code assess} JSON (the README's command-line contract): one output
 * line per case, {@code {"id":…,"findings":[…],"errors":[…],"notes":[…],"advice":[…]}}, used by the batch and by
 * {@code assess --format json}. {@code errors} is bad input only; {@code notes} are informational; {@code advice} has
 * one entry per ordered drug that has something to say (the card: headline, action, indicator, basis, checked
 * alternatives with one-click eligibility, dose facts). A new field of a finding is one line in {@link #finding}, of a
 * piece of advice one line in {@link #advice}; a new field of a case is one section in {@link #write}.
 *
 * <p>A finding is a pure function of the engine's (cached, shared) {@link Finding} object, so its JSON is serialised
 * once per object and reused; the cache holds its keys weakly and by identity, so it never keeps a finding alive nor
 * confuses two equal ones. Thread-safe.
 */
final class CaseJson {
    private static final byte[] ID = "{\"id\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] FINDINGS = ",\"findings\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ERRORS = "],\"errors\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NOTES = ",\"notes\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ADVICE = ",\"advice\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA = {','};

    private final ObjectMapper json = new ObjectMapper();
    private final Cache<Finding, byte[]> findingJson = Caffeine.newBuilder().weakKeys().maximumSize(20_000).build();
    private final Cache<Finding, byte[]> detailedJson = Caffeine.newBuilder().weakKeys().maximumSize(5_000).build();

    /**
     * Adds one case's output line (UTF-8 JSON and a newline) to {@code parts}; the finding parts are shared cached
     * arrays, not to be changed.
     *
     * @param withDetail also write each finding's Markdown {@code detail} in both languages
     */
    void write(CaseOutcome c, boolean withDetail, List<byte[]> parts) {
        Cache<Finding, byte[]> cache = withDetail ? detailedJson : findingJson;
        parts.add(ID);
        parts.add(bytes(c.id() == null ? NullNode.getInstance() : c.id()));
        parts.add(FINDINGS);
        for (int i = 0; i < c.findings().size(); i++) {
            if (i > 0) {
                parts.add(COMMA);
            }
            parts.add(cache.get(c.findings().get(i), f -> bytes(finding(f, withDetail))));
        }
        parts.add(ERRORS);
        parts.add(bytes(errors(c.errors())));
        parts.add(NOTES);
        parts.add(bytes(notes(c.notes())));
        parts.add(ADVICE);
        ArrayNode advice = json.createArrayNode();
        c.advice().forEach(a -> advice.add(advice(a, withDetail)));
        parts.add(bytes(advice));
        parts.add(END);
    }

    /** @return one finding as JSON: the contract fields, then the extensions, then {@code detail} when asked for */
    ObjectNode finding(Finding f, boolean withDetail) {
        ObjectNode n = json.createObjectNode();
        n.put("drug", f.drug());
        n.put("source", f.source());
        n.put("population", f.population());
        n.set("lookupKey", map(f.lookupKey()));
        n.put("strength", f.strength());
        n.put("action", f.action().name());
        ArrayNode alts = n.putArray("alternatives");
        f.alternatives().forEach(alts::add);
        n.set("phenotypes", map(f.phenotypes()));
        n.put("phenoconverted", f.phenoconverted());
        ArrayNode conversions = n.putArray("phenoconversions");
        f.phenoconversions().forEach(p -> conversions.add(phenoconversion(p)));
        ObjectNode summary = n.putObject("summary");
        summary.put("en", f.summary().en());
        summary.put("nb", f.summary().nb());
        ObjectNode guideline = n.putObject("guideline");
        if (f.guideline() != null) {
            guideline.put("id", f.guideline().id());
            guideline.put("version", f.guideline().version());
            guideline.put("url", f.guideline().url());
        }
        if (f.dosePercent() == null) {
            n.putNull("dosePercent");
        } else {
            n.put("dosePercent", f.dosePercent());
        }
        n.put("consequence", f.consequence());
        n.put("recommendationId", f.recommendationId());
        ObjectNode label = n.putObject("populationLabel");
        label.put("en", f.populationLabel().en());
        label.put("nb", f.populationLabel().nb());
        if (withDetail) {
            // The Markdown detail is most of the bytes of a finding; batch output carries it only on request.
            ObjectNode detail = n.putObject("detail");
            detail.put("en", f.detail().en());
            detail.put("nb", f.detail().nb());
        }
        return n;
    }

    /** @return the errors as {@code [{"gene","field","message"}]}, gene and field left out when unknown */
    ArrayNode errors(List<Problem> errors) {
        ArrayNode a = json.createArrayNode();
        for (Problem p : errors) {
            ObjectNode e = a.addObject();
            if (p.gene() != null) {
                e.put("gene", p.gene());
            }
            if (p.field() != null) {
                e.put("field", p.field());
            }
            e.put("message", p.message());
        }
        return a;
    }

    /** @return the notes as {@code [{"code","gene","drug","message","text":{"en","nb"}}]}, gene and drug when known */
    ArrayNode notes(List<Note> notes) {
        ArrayNode a = json.createArrayNode();
        for (Note note : notes) {
            ObjectNode n = a.addObject();
            n.put("code", note.code());
            if (note.gene() != null) {
                n.put("gene", note.gene());
            }
            if (note.drug() != null) {
                n.put("drug", note.drug());
            }
            n.put("message", note.message());
            n.set("text", text(note.text()));
        }
        return a;
    }

    /**
     * @return one piece of advice: the drug, the headline action, indicator and basis, the headline in both languages,
     *         the checked alternatives (offered and rejected, with status, reasons and one-click eligibility), the dose
     *         facts, whether the advice is conditional and a one-click dose change is allowed, the interaction's
     *         perpetrator, the sources, genes and recommendation rows behind it; {@code detail} when asked for
     */
    ObjectNode advice(DrugAdvice d, boolean withDetail) {
        ObjectNode n = json.createObjectNode();
        n.put("drug", d.drug());
        n.set("name", text(d.name()));
        n.put("action", d.action().name());
        n.put("indicator", d.indicator().code());
        n.put("basis", d.basis().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        n.set("basisLabel", text(d.basisLabel()));
        n.set("headline", text(d.headline()));
        ArrayNode alternatives = n.putArray("alternatives");
        d.alternatives().forEach(c -> alternatives.add(alternative(c)));
        ArrayNode rejected = n.putArray("rejectedAlternatives");
        d.rejectedAlternatives().forEach(c -> rejected.add(alternative(c)));
        ArrayNode dose = n.putArray("doseFacts");
        d.doseFacts().forEach(f -> dose.add(doseFact(f)));
        n.put("conditional", d.conditional());
        n.put("oneClickDose", d.oneClickDose());
        n.put("perpetrator", d.perpetrator());
        n.put("causedBy", d.causedBy());
        ArrayNode genes = n.putArray("genes");
        d.genes().forEach(genes::add);
        ArrayNode sources = n.putArray("sources");
        d.sources().forEach(sources::add);
        ArrayNode ids = n.putArray("recommendationIds");
        d.findings().forEach(f -> ids.add(f.recommendationId()));
        if (withDetail) {
            n.set("detail", text(d.detail()));
        }
        return n;
    }

    private ObjectNode alternative(CheckedAlternative c) {
        ObjectNode n = json.createObjectNode();
        n.put("drug", c.drug());
        n.set("name", text(c.name()));
        n.put("replaces", c.replaces());
        n.put("status", c.status().name());
        ArrayNode reasons = n.putArray("reasons");
        c.reasons().forEach(r -> reasons.add(text(r)));
        n.set("scope", text(c.scope()));
        n.put("oneClick", c.oneClick());
        ArrayNode namedBy = n.putArray("namedBy");
        c.namedBy().forEach(namedBy::add);
        return n;
    }

    private ObjectNode doseFact(DoseFact f) {
        ObjectNode n = json.createObjectNode();
        n.put("kind", f.kind());
        n.put("change", f.change());
        n.put("percent", f.percent());
        n.put("amount", f.amount());
        n.put("unit", f.unit());
        n.put("ageMinYears", f.ageMinYears());
        n.put("ageMaxYears", f.ageMaxYears());
        n.put("conditional", f.conditional());
        n.set("condition", text(f.condition()));
        n.set("text", text(f.text()));
        n.put("source", f.source());
        n.put("recommendationId", f.recommendationId());
        return n;
    }

    /** @return {@code {"en","nb"}}, or JSON null for no text */
    private JsonNode text(LocalizedText t) {
        if (t == null) {
            return NullNode.getInstance();
        }
        ObjectNode n = json.createObjectNode();
        n.put("en", t.en());
        n.put("nb", t.nb());
        return n;
    }

    /** A phenoconversion: gene, perpetrator, its effect and strength, and both results (extension of the contract). */
    private ObjectNode phenoconversion(Phenoconversion p) {
        ObjectNode n = json.createObjectNode();
        n.put("gene", p.gene());
        n.put("perpetrator", p.perpetrator());
        n.put("effect", p.effect());
        n.put("strength", p.strength());
        n.set("genotypePredicted", result(p.genotypePredicted()));
        n.set("functional", result(p.functional()));
        n.put("policyVersion", p.policyVersion());
        return n;
    }

    private ObjectNode result(GeneResult r) {
        ObjectNode n = json.createObjectNode();
        n.put("phenotype", r.phenotype());
        n.put("activityScore", r.activityScore());
        n.put("lookupKey", r.lookupKey());
        return n;
    }

    private ObjectNode map(Map<String, String> m) {
        ObjectNode n = json.createObjectNode();
        m.forEach(n::put);
        return n;
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
