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
import no.pgx.engine.Assessment;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.GuidelineRef;
import no.pgx.engine.ResultState;
import no.pgx.knowledge.CsvTable;
import no.pgx.report.ReportModel.DrugAdvice;
import no.pgx.report.ReportModel.GeneAdvice;
import no.pgx.report.ReportModel.LabRow;
import no.pgx.terminology.drug.DrugCatalog;
import no.pgx.terminology.drug.DrugConcept;
import no.pgx.terminology.genetics.NotationException;
import no.pgx.terminology.genetics.PhenotypeVocabulary;

/**
 * The one place that maps the engine's output to what the patient report says: which results are shown, the
 * phenotype in words, and per actionable result one line of advice per drug (the most far-reaching action among the
 * drug's findings, all their sources named). When the engine offers one piece of advice per drug, only this class
 * changes. Stateless.
 */
final class ReportContent {
    /** Actions that change treatment, most far-reaching first. */
    private static final List<Action> ORDER = List.of(Action.AVOID, Action.CONSIDER_ALTERNATIVE, Action.REDUCE_DOSE,
            Action.INCREASE_DOSE, Action.MONITOR);
    private static final Set<Action> CRITICAL = EnumSet.of(Action.AVOID, Action.CONSIDER_ALTERNATIVE);
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
                actionable.add(new GeneAdvice(r.gene(), words, advice(r.gene(), a.findings(), language)));
            }
        }
        return new ReportModel(Texts.en(language) ? "en" : "nb", patient, generated, a.knowledgeVersion(), lab,
                actionable, normal, notes == null ? List.of() : List.copyOf(notes));
    }

    /** One line per drug: the most far-reaching action among the drug's findings for this gene. */
    private static List<DrugAdvice> advice(String gene, List<Finding> findings, String language) {
        Map<String, List<Finding>> byDrug = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.lookupKey().containsKey(gene) && ORDER.contains(f.action())) {
                byDrug.computeIfAbsent(f.drug(), d -> new ArrayList<>()).add(f);
            }
        }
        List<DrugAdvice> out = new ArrayList<>();
        byDrug.forEach((drug, list) -> {
            Finding first = list.stream().min(Comparator.comparingInt(f -> ORDER.indexOf(f.action()))).orElseThrow();
            Set<String> sources = new LinkedHashSet<>();
            list.forEach(f -> sources.add(source(f)));
            out.add(new DrugAdvice(drugName(drug, language), drugClass(drug, language), Texts.action(first.action(),
                    language), first.summary() == null ? "" : first.summary().in(language), String.join("; ", sources),
                    CRITICAL.contains(first.action())));
        });
        out.sort(Comparator.comparing((DrugAdvice d) -> !d.critical()).thenComparing(DrugAdvice::drug));
        return out;
    }

    private static String source(Finding f) {
        GuidelineRef g = f.guideline();
        String version = g == null || g.version() == null ? "" : " " + g.version();
        return (f.source() == null ? "" : f.source()) + version + (f.strength() == null || f.strength().isBlank() ? ""
                : " (" + f.strength().toLowerCase(Locale.ROOT) + ")");
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

    private static String drugName(String drug, String language) {
        Optional<DrugConcept> d = DrugCatalog.loadDefault().byId(drug);
        if (d.isEmpty()) {
            return drug;
        }
        return Texts.en(language) || d.get().nameNb().isEmpty() ? d.get().nameEn() : d.get().nameNb();
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
