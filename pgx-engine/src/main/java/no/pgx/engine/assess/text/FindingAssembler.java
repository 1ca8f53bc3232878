package no.pgx.engine.assess.text;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

import no.pgx.engine.Action;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.GuidelineRef;
import no.pgx.engine.GuidelineSource;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Population;
import no.pgx.engine.Provenance;
import no.pgx.engine.Strength;
import no.pgx.engine.assess.text.FindingTexts.Lang;
import no.pgx.rules.model.Candidate;
import no.pgx.rules.model.GeneFact;
import no.pgx.engine.assess.Knowledge;

/**
 * Turns the candidates the rules leave into {@link Finding}s: the row payload from the tables (by row id) and texts
 * from the templates. Three levels of work, each done once: row texts at start-up ({@link RowText}); everything that
 * depends only on the rule outcome ({@link Prepared}: fields, summary, the detail around the patient lines) once per
 * cached outcome; the patient lines (diplotype, score, test date, "genotype-predicted") per patient. Thread-safe.
 */
public final class FindingAssembler {
    static final String NO_RESULT = GeneResult.NO_RESULT;

    /** Row texts that do not depend on the patient, per language. */
    record RowText(String action, String plainAction, String bareAction, String consequence, String strength,
                   List<String> detailLines) {
    }

    /**
     * A finding without its patient lines: {@code detailHead + patient lines + detailTail} is the detail.
     *
     * @param genes the genes whose patient lines the detail shows
     */
    public record Prepared(Candidate candidate, Finding template, String[] detailHead, String[] detailTail,
                    List<String> genes, SummaryInput[] summary) {
    }

    /**
     * What a summary is written from, kept so that a phenoconverted finding can be re-worded per patient.
     *
     * @param genes the genes the summary names
     */
    record SummaryInput(String drug, List<String> actions, String consequence, String source, String strength,
                        List<String> genes) {
    }

    private final Knowledge knowledge;
    private final FindingTexts texts;
    private final Map<String, Map<Lang, RowText>> rowTexts = new HashMap<>();
    private final Function<Phenoconversion, LocalizedText> describer;

    /**
     * @param knowledge the knowledge tables
     * @param texts     the message templates and vocabulary labels
     * @param describer the "phenoconverted by …" words of a phenoconversion (the policy's wording)
     */
    public FindingAssembler(Knowledge knowledge, FindingTexts texts, Function<Phenoconversion, LocalizedText> describer) {
        this.knowledge = knowledge;
        this.texts = texts;
        this.describer = describer;
        for (Map<String, Knowledge.Row> rows : List.of(knowledge.rows, knowledge.variants)) {
            rows.forEach((id, r) -> {  // a variant (indication-dependent action) has texts of its own
                Map<Lang, RowText> m = new EnumMap<>(Lang.class);
                for (Lang l : Lang.values()) {
                    m.put(l, rowText(id, r, l));
                }
                rowTexts.put(id, m);
            });
        }
    }

    /**
     * Prepares a candidate: everything but the patient lines.
     *
     * @param c a candidate the rules selected (not an interaction)
     * @return the prepared finding
     */
    public Prepared prepare(Candidate c) {
        return switch (c.kind()) {
            case RECOMMENDATION -> recommendation(c);
            case TEST_REQUIRED -> testRequired(c);
            case NO_MATCH -> noMatch(c);
            case ALGORITHM -> algorithm(c);
            case INTERACTION -> throw new IllegalArgumentException("interaction advice is not a finding: " + c.id());
        };
    }

    /**
     * The finding for a patient: the prepared one with the patient's lines in its detail.
     *
     * @param p       the prepared finding
     * @param results the patient's result per gene
     * @return the finding
     */
    public Finding finding(Prepared p, Map<String, GeneResult> results) {
        return finding(p, results, Map.of(), false);
    }

    /**
     * The finding for a patient whose results may be phenoconverted.
     *
     * @param p           the prepared finding
     * @param results     the functional result per gene
     * @param conversions the phenoconversion per gene (only those of the finding's genes are used); may be empty
     * @param newOrder    true when the drug is already taken and the finding exists because a perpetrator is ordered
     * @return the finding
     */
    public Finding finding(Prepared p, Map<String, GeneResult> results, Map<String, Phenoconversion> conversions,
                    boolean newOrder) {
        if (!conversions.isEmpty() && p.summary() != null) {
            List<Phenoconversion> own = new ArrayList<>(2);
            for (String gene : p.genes()) {
                Phenoconversion c = conversions.get(gene);
                if (c != null) {
                    own.add(c);
                }
            }
            if (!own.isEmpty()) {
                return phenoconverted(p, results, own, newOrder);
            }
        }
        Finding t = p.template();
        String[] detail = new String[2];
        for (Lang l : Lang.values()) {
            if (p.genes().isEmpty()) {
                detail[l.ordinal()] = p.detailHead()[l.ordinal()] + p.detailTail()[l.ordinal()];
                continue;
            }
            StringBuilder d = new StringBuilder(p.detailHead()[l.ordinal()].length() + p.detailTail()[l.ordinal()]
                    .length() + 128);
            d.append(p.detailHead()[l.ordinal()]);
            patientLines(p.genes(), p.candidate(), results, Map.of(), Map.of(), l, d);
            d.append('\n').append(p.detailTail()[l.ordinal()]);
            detail[l.ordinal()] = d.toString();
        }
        return t.toBuilder().phenoconverted(false).phenoconversions(List.of())
                .detail(new LocalizedText(detail[0], detail[1])).build();
    }

    /**
     * A finding selected with a functional phenotype: the summary names the perpetrator with its class ("phenoconverted
     * by paroxetine (strong CYP2D6 inhibitor)"; "phenoconverted by paroxetine", or for long multi-gene summaries only
     * "phenoconverted", when that does not fit the 140 characters), and the detail always names the perpetrator with
     * its class and pairs the functional with the genotype-predicted result.
     */
    private Finding phenoconverted(Prepared p, Map<String, GeneResult> results, List<Phenoconversion> own,
                                   boolean newOrder) {
        Finding t = p.template();
        Map<String, Phenoconversion> byGene = new LinkedHashMap<>();
        own.forEach(c -> byGene.put(c.gene(), c));
        String[] summary = new String[2];
        String[] detail = new String[2];
        for (Lang l : Lang.values()) {
            Map<String, String> full = new HashMap<>();
            Map<String, String> brief = new HashMap<>();
            Map<String, String> bare = new HashMap<>();
            for (Phenoconversion c : own) {
                full.put(c.gene(), describer.apply(c).in(l == Lang.EN ? "en" : "nb"));
                brief.put(c.gene(), texts.text(l, "detail.basis.phenoconverted", "perpetrators",
                        texts.drug(c.perpetrator(), l)));
                bare.put(c.gene(), texts.text(l, "detail.basis.phenoconverted.bare"));
            }
            SummaryInput in = p.summary()[l.ordinal()];
            String genesFull = genes(p.candidate(), l, in.genes(), full);
            FindingTexts.Summary s = null;
            for (Map<String, String> words : List.of(full, brief, bare)) {
                s = texts.summary(l, in.drug(), words == full ? genesFull : genes(p.candidate(), l, in.genes(), words),
                        in.actions(), in.consequence(), in.source(), in.strength());
                if (!s.truncated()) {
                    break;
                }
            }
            summary[l.ordinal()] = s.text();
            StringBuilder d = new StringBuilder(p.detailTail()[l.ordinal()].length() + 384);
            d.append(head(l, in.drug(), genesFull));
            patientLines(p.genes(), p.candidate(), results, byGene, full, l, d);
            if (newOrder) {
                List<String> names = new ArrayList<>();
                own.forEach(c -> names.add(texts.drug(c.perpetrator(), l)));
                d.append(texts.text(l, "detail.newOrder", "drug", in.drug(), "perpetrators",
                        texts.join(names.stream().distinct().toList(), l, "list.and"), "genes",
                        String.join("/", byGene.keySet()))).append('\n');
            }
            d.append('\n').append(p.detailTail()[l.ordinal()]);
            detail[l.ordinal()] = d.toString();
        }
        return t.toBuilder().phenoconverted(true).phenoconversions(own)
                .summary(new LocalizedText(summary[0], summary[1])).detail(new LocalizedText(detail[0], detail[1]))
                .build();
    }

    // ------------------------------------------------------------------ kinds

    private Prepared recommendation(Candidate c) {
        Knowledge.Row row = knowledge.row(c.id());
        Knowledge.Guideline g = knowledge.guideline(row.guideline());
        String[] summary = new String[2];
        String[] head = new String[2];
        String[] tail = new String[2];
        SummaryInput[] inputs = new SummaryInput[2];
        for (Lang l : Lang.values()) {
            RowText rt = rowTexts.get(c.id()).get(l);
            String genes = genes(c, l, c.genes());
            String drug = texts.drug(c.drug(), l);
            inputs[l.ordinal()] = new SummaryInput(drug, List.of(rt.action(), rt.plainAction(), rt.bareAction()),
                    rt.consequence(), c.source(), rt.strength(), c.genes());
            summary[l.ordinal()] = texts.summary(l, drug, genes, List.of(rt.action(), rt.plainAction(),
                    rt.bareAction()), rt.consequence(), c.source(), rt.strength()).text();
            head[l.ordinal()] = head(l, drug, genes);
            StringBuilder d = new StringBuilder(512);
            for (String line : rt.detailLines()) {
                d.append(line).append('\n');
            }
            List<String> notes = notes(c, row, l);
            if (!notes.isEmpty()) {
                d.append(texts.text(l, "detail.notes", "notes", String.join("; ", notes))).append('\n');
            }
            d.append(texts.text(l, "detail.source", "source", c.source(), "strength",
                    rt.strength().isEmpty() ? "" : ", " + rt.strength(), "title", g.title(), "version", GuidelineRef.displayVersion(g.version()),
                    "url", g.url()));
            tail[l.ordinal()] = d.toString();
        }
        Finding t = Finding.builder().drug(c.drug()).source(GuidelineSource.of(c.source()))
                .population(population(row.population())).lookupKey(lookupKeys(c)).phenotypes(phenotypes(c))
                .strength(Strength.of(row.strength())).action(row.action()).dosePercent(row.dosePercent())
                .alternatives(row.alternatives()).consequence(row.consequence())
                .summary(new LocalizedText(summary[0], summary[1])).detail(new LocalizedText("", ""))
                .guideline(g.ref()).recommendationId(row.id()).build();
        return new Prepared(c, t, head, tail, c.genes(), inputs);
    }

    private Prepared testRequired(Candidate c) {
        Knowledge.TestRule rule = knowledge.tests.get(c.id());
        Knowledge.Guideline g = guidelineFor(c.drug(), rule.gene(), "CPIC");
        String[] summary = new String[2];
        String[] head = new String[2];
        String[] tail = new String[2];
        for (Lang l : Lang.values()) {
            String drug = texts.drug(c.drug(), l);
            String gene = rule.allele() == null ? rule.gene() : rule.gene() + rule.allele();
            String genes = texts.text(l, "gene.notTested", "gene", gene);
            String action = texts.text(l, "action.TEST_REQUIRED", "gene", gene);
            String reason = l == Lang.NB ? rule.reasonNb() : rule.reasonEn();
            summary[l.ordinal()] = texts.summary(l, drug, genes, List.of(action), null, c.source(), "").text();
            head[l.ordinal()] = head(l, drug, genes);
            StringBuilder d = new StringBuilder(256);
            d.append(texts.text(l, "detail.advice", "advice", FindingTexts.capitalise(action))).append('\n');
            d.append(texts.text(l, "detail.notes", "notes", reason)).append('\n');
            d.append(texts.text(l, "detail.testSource", "source", c.source()));
            if (g != null) {
                d.append('\n').append(texts.text(l, "detail.source", "source", g.source(), "strength", "", "title",
                        g.title(), "version", GuidelineRef.displayVersion(g.version()), "url", g.url()));
            }
            tail[l.ordinal()] = d.toString();
        }
        Map<String, String> lookup = Map.of(rule.gene(), NO_RESULT);
        Finding t = Finding.builder().drug(c.drug()).source(GuidelineSource.of(c.source()))
                .population(population(c.population())).lookupKey(lookup).phenotypes(lookup).strength(Strength.NONE)
                .action(Action.TEST_REQUIRED).summary(new LocalizedText(summary[0], summary[1]))
                .detail(new LocalizedText("", "")).guideline(g == null ? null : g.ref()).recommendationId(rule.id())
                .build();
        return new Prepared(c, t, head, tail, List.of(), null);
    }

    private Prepared noMatch(Candidate c) {
        Knowledge.Guideline g = knowledge.guidelines.get(c.id().split(":")[1]);
        String gene = c.genes().get(0);
        String[] summary = new String[2];
        String[] head = new String[2];
        String[] tail = new String[2];
        SummaryInput[] inputs = new SummaryInput[2];
        for (Lang l : Lang.values()) {
            String drug = texts.drug(c.drug(), l);
            String genes = genes(c, l, c.genes());
            String action = texts.text(l, "action.NO_RECOMMENDATION", "source", c.source());
            inputs[l.ordinal()] = new SummaryInput(drug, List.of(action), null, c.source(), "", c.genes());
            summary[l.ordinal()] = texts.summary(l, drug, genes, List.of(action), null, c.source(), "").text();
            head[l.ordinal()] = head(l, drug, genes);
            tail[l.ordinal()] = texts.text(l, "detail.notes", "notes", texts.text(l, "detail.noMatch", "source",
                    c.source(), "drug", drug, "gene", gene)) + "\n" + texts.text(l, "detail.source", "source",
                    g.source(), "strength", "", "title", g.title(), "version", GuidelineRef.displayVersion(g.version()), "url", g.url());
        }
        Finding t = Finding.builder().drug(c.drug()).source(GuidelineSource.of(c.source()))
                .population(population(c.population())).lookupKey(lookupKeys(c)).phenotypes(phenotypes(c))
                .strength(Strength.NONE).action(Action.NO_RECOMMENDATION).consequence("uncertain")
                .summary(new LocalizedText(summary[0], summary[1])).detail(new LocalizedText("", ""))
                .guideline(g.ref()).recommendationId(c.id()).build();
        return new Prepared(c, t, head, tail, c.genes(), inputs);
    }

    private Prepared algorithm(Candidate c) {
        Knowledge.Algorithm a = knowledge.algorithms.get(c.id().substring("algorithm:".length()));
        List<String> tested = new ArrayList<>();
        Map<String, String> lookup = new LinkedHashMap<>();
        Map<String, String> phen = new LinkedHashMap<>();
        for (GeneFact f : c.facts()) {
            if (!tested.contains(f.gene())) {
                tested.add(f.gene());
            }
            lookup.merge(f.gene(), f.lookupKey(), (x, y) -> x + ";" + y);
            phen.putIfAbsent(f.gene(), f.phenotype() == null ? f.lookupKey() : f.phenotype());
        }
        String[] summary = new String[2];
        String[] head = new String[2];
        String[] tail = new String[2];
        SummaryInput[] inputs = new SummaryInput[2];
        for (Lang l : Lang.values()) {
            String drug = texts.drug(c.drug(), l);
            String genes = genes(c, l, tested);
            String action = texts.text(l, "action.ALGORITHM");
            String consequence = texts.phrase(a.consequence(), l);
            inputs[l.ordinal()] = new SummaryInput(drug, List.of(action), consequence, c.source(), "",
                    List.copyOf(tested));
            summary[l.ordinal()] = texts.summary(l, drug, genes, List.of(action), consequence, c.source(), "").text();
            head[l.ordinal()] = head(l, drug, genes);
            StringBuilder d = new StringBuilder(256);
            if (consequence != null) {
                d.append(texts.text(l, "detail.consequence", "consequence", FindingTexts.capitalise(consequence)))
                        .append('\n');
            }
            d.append(texts.text(l, "detail.advice", "advice", FindingTexts.capitalise(texts.text(l, "detail.algorithm",
                    "drug", drug, "genes", texts.join(a.genes(), l, "list.and"))))).append('\n');
            d.append(texts.text(l, "detail.source", "source", a.source(), "strength", "", "title", a.title(),
                    "version", GuidelineRef.displayVersion(a.version()), "url", a.url()));
            tail[l.ordinal()] = d.toString();
        }
        Finding t = Finding.builder().drug(c.drug()).source(GuidelineSource.of(c.source()))
                .population(population(c.population())).lookupKey(lookup).phenotypes(phen).strength(Strength.NONE)
                .action(a.action()).consequence(a.consequence()).summary(new LocalizedText(summary[0], summary[1]))
                .detail(new LocalizedText("", "")).guideline(a.ref()).recommendationId(a.id()).build();
        return new Prepared(c, t, head, tail, a.genes(), inputs);
    }

    // ------------------------------------------------------------------ parts

    private String head(Lang l, String drug, String genes) {
        return texts.text(l, "detail.head", "Drug", FindingTexts.capitalise(drug), "genes", genes) + "\n\n";
    }

    private RowText rowText(String id, Knowledge.Row r, Lang l) {
        String drug = texts.drug(r.drug(), l);
        Action a = r.action();
        String dose = r.dosePercent();
        Knowledge.TestAction test = a == Action.TEST_REQUIRED ? knowledge.testAction(id) : null;
        String bare = test != null ? (l == Lang.NB ? test.testNb() : test.testEn())
                : texts.text(l, "action." + a, "drug", drug, "source", r.source());
        String plain;
        if (dose != null && texts.has(l, "action." + a + ".dose")) {
            plain = texts.text(l, "action." + a + ".dose", "drug", drug, "dose", dose);
        } else {
            plain = bare;
            if (dose != null && (a == Action.AVOID || a == Action.CONSIDER_ALTERNATIVE)) {
                plain += texts.text(l, "action.fallbackDose", "dose", dose);
            }
        }
        String action = plain;
        if (!r.alternatives().isEmpty() && (a == Action.AVOID || a == Action.CONSIDER_ALTERNATIVE)) {
            action += texts.text(l, "action.alternatives", "alternatives", texts.drugList(r.alternatives(), l));
        }
        String consequence = texts.phrase(r.consequence(), l);
        String strength = texts.strength(r.strength(), l);
        List<String> lines = new ArrayList<>();
        if (consequence != null) {
            lines.add(texts.text(l, "detail.consequence", "consequence", FindingTexts.capitalise(consequence)));
        }
        lines.add(texts.text(l, "detail.advice", "advice", FindingTexts.capitalise(plain)));
        if (test != null) {
            lines.add(texts.text(l, "detail.notes", "notes", l == Lang.NB ? test.reasonNb() : test.reasonEn()));
        }
        if (dose != null) {
            lines.add(texts.text(l, "detail.dose", "dose", dose));
        }
        if (!r.alternatives().isEmpty()) {
            lines.add(texts.text(l, "detail.alternatives", "alternatives", texts.drugList(r.alternatives(), l)));
        }
        List<String> notes = new ArrayList<>();
        for (String n : r.doseNotes()) {
            String p = texts.phrase(n, l);
            if (p != null) {
                notes.add(p);
            }
        }
        if (!notes.isEmpty()) {
            lines.add(texts.text(l, "detail.notes", "notes", String.join("; ", notes)));
        }
        if (!r.population().equals("general")) {
            Knowledge.Population p = knowledge.populations.get(r.population());
            lines.add(texts.text(l, "detail.population", "population", l == Lang.NB ? p.nb() : p.en()));
        }
        return new RowText(action, plain, bare, consequence, strength, List.copyOf(lines));
    }

    /** Notes that depend on how the row was matched: a source equivalent, or scores of a phenotype-only result. */
    private List<String> notes(Candidate c, Knowledge.Row row, Lang l) {
        List<String> notes = new ArrayList<>(1);
        if (c.equivalence() != null) {
            String gene = c.equivalence().substring(0, c.equivalence().indexOf('='));
            String key = c.equivalence().substring(gene.length() + 1);
            Knowledge.Equivalent e = knowledge.equivalents.get(c.source() + "|" + c.equivalence());
            notes.add(texts.text(l, "detail.equivalence", "source", c.source(), "gene", gene,
                    "patient", texts.phenotype(phenotypeOf(gene, key), l), "matched",
                    texts.phenotype(phenotypeOf(gene, row.key().get(gene)), l),
                    "reason", e == null ? "" : l == Lang.NB ? e.reasonNb() : e.reasonEn()));
        }
        for (GeneFact f : c.facts()) {
            if (f.expanded()) {
                notes.add(texts.text(l, "detail.expanded", "gene", f.gene(), "scores", f.lookupKey(), "phenotype",
                        texts.phenotype(f.expandedFrom(), l)));
            }
        }
        return notes;
    }

    private String phenotypeOf(String gene, String key) {
        Knowledge.KeyInfo k = knowledge.key(gene, key);
        return k == null ? key : k.phenotype();
    }

    /** Gene words: the patient's result per gene; genes with the same words are written once ("CACNA1S/RYR1 …"). */
    private String genes(Candidate c, Lang l, List<String> genes) {
        return genes(c, l, genes, Map.of());
    }

    /** @param annotations gene → words added after its result ("phenoconverted by …"); may be empty */
    private String genes(Candidate c, Lang l, List<String> genes, Map<String, String> annotations) {
        Map<String, List<String>> byWords = new LinkedHashMap<>();
        for (String gene : genes) {
            GeneFact f = fact(c, gene);
            String words;
            if (f == null) {
                words = texts.geneWords(gene, NO_RESULT, null, l);
            } else if (f.allele() != null) {
                words = texts.geneWords(gene, f.lookupKey(), null, l);
            } else {
                String value = f.expanded() ? "phenotype:" + f.expandedFrom() : f.lookupKey();
                words = texts.geneWords(gene, value, f.phenotype(), l);
            }
            String note = annotations.get(gene);
            if (note != null) {
                String phenotype = words.startsWith(gene + " ") ? words.substring(gene.length() + 1) : words;
                words = texts.text(l, "gene.phenoconverted", "words", words, "gene", gene, "phenotype", phenotype,
                        "phenoconversion", note);
            }
            String rest = words.startsWith(gene + " ") ? words.substring(gene.length() + 1) : null;
            byWords.computeIfAbsent(rest == null ? "\u0000" + words : rest, k -> new ArrayList<>()).add(gene);
        }
        StringJoiner j = new StringJoiner(", ");
        byWords.forEach((words, gs) -> j.add(words.startsWith("\u0000") ? words.substring(1)
                : texts.text(l, "gene.words", "gene", String.join(texts.text(l, "gene.sameWords"), gs),
                "words", words)));
        return j.toString();
    }

    /**
     * One line per gene: its result and whether it is genotype-predicted or phenoconverted; a phenoconverted gene shows
     * the functional result first and then the genotype-predicted one (diplotype, score, phenotype, test date, lab).
     *
     * @param conversions the phenoconversion per gene whose result is functional; may be empty
     * @param basis       gene → "phenoconverted by …" words for those genes
     */
    private void patientLines(List<String> genes, Candidate c, Map<String, GeneResult> results,
                              Map<String, Phenoconversion> conversions, Map<String, String> basis, Lang l,
                              StringBuilder d) {
        for (String gene : genes) {
            GeneResult r = results.get(gene);
            GeneFact f = fact(c, gene);
            if (r == null || f == null) {
                d.append(texts.text(l, "detail.patient.notTested", "gene", gene)).append('\n');
                continue;
            }
            String words = f.allele() != null ? texts.geneWords(gene, f.lookupKey(), null, l)
                    : texts.phenotype(f.phenotype() == null ? phenotypeOf(gene, f.lookupKey()) : f.phenotype(), l);
            Phenoconversion p = conversions.get(gene);
            if (p == null) {
                d.append(texts.text(l, "detail.patient", "gene", gene, "result",
                        String.join(", ", patientParts(r, words, l)), "basis",
                        texts.text(l, "detail.basis.predicted"))).append('\n');
                continue;
            }
            List<String> functional = new ArrayList<>(2);
            functional.add(words);
            if (p.functional().activityScore() != null && !p.functional().activityScore().isBlank()) {
                functional.add(texts.text(l, "detail.patient.score", "score",
                        FindingTexts.number(p.functional().activityScore(), l)));
            }
            GeneResult g = p.genotypePredicted();
            d.append(texts.text(l, "detail.patient.phenoconverted", "gene", gene, "result",
                    String.join(", ", functional), "basis", basis.get(gene), "predicted",
                    String.join(", ", patientParts(g, texts.phenotype(g.phenotype(), l), l)))).append('\n');
        }
    }

    /** Diplotype, activity score, phenotype words, test date and lab of a result (the lab, input text, escaped). */
    private List<String> patientParts(GeneResult r, String words, Lang l) {
        List<String> parts = new ArrayList<>(5);
        if (r.diplotype() != null) {
            parts.add(r.diplotype()); // the engine's own normalised spelling, not the input
        }
        if (r.activityScore() != null && !r.activityScore().isBlank()) {
            parts.add(texts.text(l, "detail.patient.score", "score", FindingTexts.number(r.activityScore(), l)));
        }
        parts.add(words);
        Provenance p = r.provenance();
        if (p != null && p.testDate() != null) {
            parts.add(texts.text(l, "detail.patient.tested", "date", p.testDate().toString()));
        }
        if (p != null && p.lab() != null && !p.lab().isBlank()) {
            parts.add(texts.text(l, "detail.patient.lab", "lab", MarkdownText.text(p.lab())));
        }
        return parts;
    }

    /** The lookup key per gene of the row: the patient's key (a phenotype-only result: that phenotype). */
    private static Map<String, String> lookupKeys(Candidate c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String gene : c.genes()) {
            GeneFact f = fact(c, gene);
            out.put(gene, f == null ? NO_RESULT : f.expanded() ? f.expandedFrom() : f.lookupKey());
        }
        return out;
    }

    private static Map<String, String> phenotypes(Candidate c) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String gene : c.genes()) {
            GeneFact f = fact(c, gene);
            out.put(gene, f == null ? NO_RESULT : f.phenotype() == null ? f.lookupKey() : f.phenotype());
        }
        return out;
    }

    private static GeneFact fact(Candidate c, String gene) {
        for (GeneFact f : c.facts()) {
            if (f.gene().equals(gene)) {
                return f;
            }
        }
        return null;
    }

    private Population population(String key) {
        Knowledge.Population p = knowledge.populations.get(key);
        return new Population(key, p == null ? new LocalizedText(key, key) : new LocalizedText(p.en(), p.nb()));
    }

    /** A guideline of the drug that covers the gene, preferring the given source. */
    private Knowledge.Guideline guidelineFor(String drug, String gene, String preferred) {
        Knowledge.DrugInfo info = knowledge.drugs.get(drug);
        Knowledge.Guideline best = null;
        for (Knowledge.Guideline g : info.guidelines()) {
            if (g.genes().contains(gene) && (best == null || g.source().equals(preferred))) {
                best = g;
            }
        }
        return best;
    }
}
