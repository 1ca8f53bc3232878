package no.pgx.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import no.pgx.engine.Action;
import no.pgx.engine.AdviceBasis;
import no.pgx.engine.Assessment;
import no.pgx.engine.CheckedAlternative;
import no.pgx.engine.DoseFact;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.GuidelineRef;
import no.pgx.engine.Indicator;
import no.pgx.engine.ResultState;
import no.pgx.knowledge.CsvTable;
import no.pgx.report.ReportModel.DrugLine;
import no.pgx.report.ReportModel.GeneAdvice;
import no.pgx.report.ReportModel.LabRow;
import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.drug.DrugConcept;
import no.pgx.terminology.genetics.NotationException;
import no.pgx.terminology.genetics.PhenotypeVocabulary;

/**
 * The one place that maps the engine's output to what the patient report says: which results are shown, the
 * phenotype in words, and per actionable result one line per drug it affects, taken from the engine's one piece of
 * advice per drug ({@link Assessment#advice()}: headline, indicator, checked alternatives, dose facts, the findings
 * behind it). Advice that rests on co-medication (an interaction) or on a missing test is left out: the report is about
 * the genotype, which holds for life, not about today's medication list. Stateless.
 */
final class ReportContent {
    /** Actions that change treatment; advice with another action (standard dose) is not listed. */
    private static final Set<Action> CHANGES = EnumSet.of(Action.AVOID, Action.CONSIDER_ALTERNATIVE,
            Action.REDUCE_DOSE, Action.INCREASE_DOSE, Action.MONITOR);
    private static final Set<Action> REPLACE = EnumSet.of(Action.AVOID, Action.CONSIDER_ALTERNATIVE);
    /** Advice whose dose statements are shown; for avoid or another drug the headline says all the patient needs. */
    private static final Set<Action> DOSE = EnumSet.of(Action.REDUCE_DOSE, Action.INCREASE_DOSE, Action.MONITOR);
    private static final PhenotypeVocabulary VOCABULARY = PhenotypeVocabulary.loadDefault();
    private static final Map<String, String[]> CLASSES = classes();

    private ReportContent() {
    }

    static ReportModel of(Assessment a, String language, String patient, String generated, List<String> notes) {
        List<LabRow> lab = new ArrayList<>();
        List<GeneAdvice> actionable = new ArrayList<>();
        List<String> normal = new ArrayList<>();
        for (GeneResult r : a.results()) {
            if (r.state() == ResultState.NOT_TESTED) {
                continue;
            }
            String words = phenotype(r, language);
            lab.add(new LabRow(r.gene(), diplotype(r), words, r.provenance().testDate() == null ? "–"
                    : r.provenance().testDate().toString(), r.provenance().lab() == null ? "–" : r.provenance().lab()));
            if (r.state() == ResultState.NORMAL) {
                normal.add(r.gene());
            } else if (r.state() == ResultState.ACTIONABLE) {
                actionable.add(new GeneAdvice(r.gene(), words, lines(r.gene(), a.advice(), language)));
            }
        }
        return new ReportModel(Texts.en(language) ? "en" : "nb", patient, generated, a.knowledgeVersion(), lab,
                actionable, normal, notes == null ? List.of() : List.copyOf(notes));
    }

    /** One line per drug whose genotype advice concerns this gene: most urgent first (critical, warning, info), by name. */
    private static List<DrugLine> lines(String gene, List<DrugAdvice> advice, String language) {
        List<DrugAdvice> selected = new ArrayList<>();
        for (DrugAdvice d : advice) {
            if (d.basis() == AdviceBasis.GENOTYPE && d.genes().contains(gene) && CHANGES.contains(d.action())) {
                selected.add(d);
            }
        }
        selected.sort(Comparator.comparing(DrugAdvice::indicator).thenComparing(d -> d.name().in(language)));
        return selected.stream().map(d -> line(d, language)).toList();
    }

    private static DrugLine line(DrugAdvice d, String language) {
        String name = d.name().in(language);
        String todo = todo(d.headline().in(language), name);
        return new DrugLine(name, drugClass(d.drug(), language), todo, alternatives(d, todo, language), dose(d, todo,
                language), sources(d, language), d.indicator() == Indicator.CRITICAL || REPLACE.contains(d.action()));
    }

    /** The headline without its leading drug name ("Klopidogrel: unngå – …" → "Unngå – …"). */
    static String todo(String headline, String name) {
        String h = headline.strip();
        if (h.regionMatches(true, 0, name, 0, name.length()) && h.length() > name.length() + 1
                && h.charAt(name.length()) == ':') {
            h = h.substring(name.length() + 1).strip();
        }
        return h.isEmpty() ? h : h.substring(0, 1).toUpperCase(Locale.ROOT) + h.substring(1);
    }

    /** The checked alternatives the headline does not name already; null when there are none. */
    private static String alternatives(DrugAdvice d, String todo, String language) {
        List<String> names = new ArrayList<>();
        boolean named = false;
        String lower = todo.toLowerCase(Locale.ROOT);
        for (CheckedAlternative c : d.alternatives()) {
            String n = c.name().in(language);
            if (lower.contains(n.toLowerCase(Locale.ROOT))) {
                named = true;
            } else if (!names.contains(n)) {
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        return Texts.get(named ? "alsoPossible" : "alternatives", language) + ": " + String.join(", ", names);
    }

    /** Dose statements for this patient that the headline does not already say, for dose advice only. */
    private static String dose(DrugAdvice d, String todo, String language) {
        if (!DOSE.contains(d.action())) {
            return null;
        }
        Set<String> texts = new LinkedHashSet<>();
        String lower = todo.toLowerCase(Locale.ROOT);
        for (DoseFact f : d.doseFacts()) {
            String t = f.text() == null ? null : f.text().in(language);
            if (t != null && !t.isBlank() && !lower.contains(t.toLowerCase(Locale.ROOT))) {
                texts.add(t);
            }
        }
        return texts.isEmpty() ? null : String.join("; ", texts);
    }

    /** Each source with its guideline version(s) and strength(s): "CPIC 2022-01 (sterk, moderat) · DPWG 2024-04-15". */
    private static String sources(DrugAdvice d, String language) {
        Map<String, Set<String>> versions = new LinkedHashMap<>();
        Map<String, Set<String>> strengths = new LinkedHashMap<>();
        d.sources().forEach(s -> {
            versions.put(s, new LinkedHashSet<>());
            strengths.put(s, new LinkedHashSet<>());
        });
        for (Finding f : d.findings()) {
            String source = f.source().label();
            GuidelineRef g = f.guideline();
            versions.computeIfAbsent(source, s -> new LinkedHashSet<>());
            strengths.computeIfAbsent(source, s -> new LinkedHashSet<>());
            if (g != null && g.version() != null && !g.version().isBlank()) {
                versions.get(source).add(g.displayVersion());
            }
            String strength = Texts.strength(f.strength().label(), language);
            if (strength != null) {
                strengths.get(source).add(strength);
            }
        }
        List<String> parts = new ArrayList<>();
        versions.forEach((source, v) -> {
            StringBuilder b = new StringBuilder(source);
            if (!v.isEmpty()) {
                b.append(' ').append(String.join(", ", v));
            }
            Set<String> s = strengths.get(source);
            if (!s.isEmpty()) {
                b.append(" (").append(String.join(", ", s)).append(')');
            }
            parts.add(b.toString());
        });
        return String.join(" · ", parts);
    }

    private static String diplotype(GeneResult r) {
        if (r.diplotypeAsWritten() != null) {
            return r.diplotypeAsWritten();
        }
        return r.diplotype() != null ? r.diplotype() : "–";
    }

    /** The phenotype in words: the Norwegian label with the CPIC term, or the CPIC term; HLA as present/absent. */
    static String phenotype(GeneResult r, String language) {
        String p = r.phenotype();
        if (p == null) {
            return "–";
        }
        if (p.endsWith("positive") || p.endsWith("negative")) {
            List<String> items = new ArrayList<>();
            for (String item : p.split(";")) {
                String s = item.trim();
                String allele = s.substring(0, s.lastIndexOf(' '));
                boolean present = s.endsWith("positive");
                items.add(r.gene() + allele + " " + (Texts.en(language) ? (present ? "present" : "not present")
                        : (present ? "påvist" : "ikke påvist")));
            }
            return String.join("; ", items);
        }
        if (Texts.en(language)) {
            return p;
        }
        try {
            String label = VOCABULARY.norwegianLabel(p);
            return label == null || label.equalsIgnoreCase(p) ? p : label + " (" + p + ")";
        } catch (NotationException | IllegalArgumentException e) {
            return p;
        }
    }

    private static String drugClass(String drug, String language) {
        Optional<DrugConcept> d = DrugCatalog.loadDefault().byId(drug);
        if (d.isEmpty() || d.get().atcCodes().isEmpty()) {
            return null;
        }
        String atc = d.get().atcCodes().get(0);
        for (int len = atc.length(); len > 0; len--) {
            String[] names = CLASSES.get(atc.substring(0, len));
            if (names != null) {
                return Texts.en(language) ? names[1] : names[0];
            }
        }
        return null;
    }

    private static Map<String, String[]> classes() {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (CsvTable.Row row : CsvTable.readResource("no/pgx/report/drug-classes.csv",
                ReportContent.class.getClassLoader()).rows()) {
            m.put(row.require("prefix"), new String[] {row.require("name_nb"), row.require("name_en")});
        }
        return m;
    }
}
