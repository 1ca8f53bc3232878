package no.pgx.engine.assess.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import no.pgx.engine.Action;
import no.pgx.engine.AdviceBasis;
import no.pgx.engine.AlternativeStatus;
import no.pgx.engine.CheckedAlternative;
import no.pgx.engine.DoseFact;
import no.pgx.engine.DrugAdvice;
import no.pgx.engine.Finding;
import no.pgx.engine.GeneResult;
import no.pgx.engine.GuidelineRef;
import no.pgx.engine.Indicator;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Phenoconversion;
import no.pgx.engine.Provenance;
import no.pgx.engine.assess.text.FindingTexts.Lang;
import no.pgx.rules.model.Alternative;
import no.pgx.rules.model.AlternativeCheck;
import no.pgx.rules.model.AlternativeCheck.Verdict;
import no.pgx.rules.model.Candidate;
import no.pgx.rules.model.DoseStatement;
import no.pgx.rules.model.OrderedDrug;
import no.pgx.engine.assess.ClinicalKnowledge;
import no.pgx.engine.assess.Knowledge;

/**
 * Writes one {@link DrugAdvice} per drug from what the rules left for it: the per-source findings, the interaction
 * advice, the checked alternatives and the dose statements. Presentation only: which advice applies, which alternative
 * passes and which dose statement fits were decided by the rules; this class orders them (most severe first), merges
 * what several sources say alike (said once, labelled with every source) and words it in Bokmål and English with the
 * same facts in both (when a headline must be shortened, both languages take the same shorter form). Thread-safe.
 */
public final class AdviceWriter {
    static final int HEADLINE_MAX = 140;
    private static final List<String> DOSE_KIND_ORDER = List.of("loading", "starting", "maintenance", "daily",
            "maximum");

    /**
     * What the rules said for one drug.
     *
     * @param prepared     the findings (without patient lines) of the surviving candidates
     * @param interactions interaction candidates (co-medication alone makes the result actionable)
     * @param alternatives the alternatives the surviving advice names
     * @param checks       the checks of those alternatives
     * @param doses        the dose statements that apply
     */
    public record DrugOutcome(List<FindingAssembler.Prepared> prepared, List<Candidate> interactions,
                       List<Alternative> alternatives, List<AlternativeCheck> checks, List<DoseStatement> doses) {
        /** No candidate, interaction, alternative or dose statement. */
        public static final DrugOutcome EMPTY = new DrugOutcome(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A dose statement that applies, with its table row. */
    private record Dose(DoseFact fact, ClinicalKnowledge.DoseRow row) {
        String recommendationId() {
            return row.recommendationId();
        }

        boolean conditional() {
            return row.conditional();
        }
    }

    private final Knowledge knowledge;
    private final FindingTexts texts;
    private final Function<String, String> perpetratorNameNb;
    private final Set<String> drugsWithLoadingDose;

    /**
     * @param knowledge the knowledge tables
     * @param texts     the message templates and vocabulary labels
     */
    public AdviceWriter(Knowledge knowledge, FindingTexts texts) {
        this.knowledge = knowledge;
        this.texts = texts;
        this.perpetratorNameNb = id -> texts.drug(id, Lang.NB);
        Set<String> loading = new java.util.HashSet<>();
        knowledge.clinical.doseById.values().forEach(d -> {
            if (d.kind().equals("loading")) {
                loading.add(d.drug());
            }
        });
        this.drugsWithLoadingDose = Set.copyOf(loading);
    }

    // ------------------------------------------------------------------ entry

    /**
     * @param drug       the drug id
     * @param findings   the drug's visible findings (already filtered by source)
     * @param outcome    what the rules selected for the drug
     * @param results    functional result per gene
     * @param conversions phenoconversion per gene (functional results only)
     * @param order      the order (indication, population); never null
     * @param causedBy   the newly ordered perpetrator when the drug is already taken, else null
     * @return the advice, or null when there is nothing to say
     */
    public DrugAdvice write(String drug, List<Finding> findings, DrugOutcome outcome, Map<String, GeneResult> results,
                     Map<String, Phenoconversion> conversions, OrderedDrug order, String causedBy) {
        // Interaction advice decides the card when it is what makes the advice (primary), or when the combination is
        // contraindicated or to be avoided whatever the genotype says.
        List<Candidate> leading = new ArrayList<>();
        List<Candidate> secondaries = new ArrayList<>();
        for (Candidate c : outcome.interactions()) {
            (c.primary() || interactionSeverity(c) >= 40 ? leading : secondaries).add(c);
        }
        leading.sort(Comparator.comparingInt((Candidate c) -> -interactionSeverity(c)).thenComparing(Candidate::id));
        Candidate ia = leading.isEmpty() ? null : leading.get(0);
        for (int i = 1; i < leading.size(); i++) {
            secondaries.add(leading.get(i));
        }
        if (findings.isEmpty() && ia == null) {
            return null;
        }
        boolean malignancy = order.indication() != null && DoseRowCheck.malignancy(order.indication());
        Set<String> leads = indicationLeads(outcome);
        List<Finding> ranked = new ArrayList<>(findings);
        ranked.sort(Comparator.comparingInt((Finding f) -> establishedFirst(f, order))
                .thenComparingInt(f -> -severity(f, order, malignancy, findings))
                .thenComparing(f -> !leads.contains(f.recommendationId()))
                .thenComparingDouble(f -> doseCeiling(f, outcome))
                .thenComparingInt(f -> sourceRank(f.source().label()))
                .thenComparingInt(f -> strengthRank(f.strength().label()))
                .thenComparing(f -> order.population() != null && order.population().equals(f.population().id()) ? 0 : 1)
                .thenComparing(f -> f.recommendationId() == null ? "" : f.recommendationId()));
        Finding head = ranked.isEmpty() ? null : ranked.get(0);
        // Warfarin: CPIC's dosing algorithm and DPWG's starting-dose table are one piece of advice (dose by the
        // algorithm with both genes; DPWG's percentages per gene are what it combines), never competing percentages.
        Finding algorithm = ranked.stream().filter(this::algorithm).findFirst().orElse(null);
        boolean lower = algorithm != null && ranked.stream().anyMatch(f -> f.action() == Action.REDUCE_DOSE);
        // ... unless the advice is to change the drug (CPIC's own statement for CYP2C9 poor metabolizers): then that
        // leads and the algorithm stays in the detail for when warfarin is kept
        if (algorithm != null && head.action() != Action.AVOID && head.action() != Action.CONSIDER_ALTERNATIVE
                && head.action() != Action.TEST_REQUIRED) {
            ranked.remove(algorithm);
            ranked.add(0, algorithm);
            head = algorithm;
        }
        Phenoconversion conversion = ia == null ? null : conversions.get(ia.genes().get(0));
        if (conversion != null && (ia.perpetrator() == null
                || !ia.perpetrator().toLowerCase(Locale.ROOT).contains(conversion.perpetrator().toLowerCase(Locale.ROOT)))) {
            conversion = null;  // the gene is changed by another drug than this row's perpetrator
        }
        // a test action of a recommendation (measure G6PD activity: the result is on file) rests on the genotype; a
        // test before start rests on the missing result
        AdviceBasis basis = ia != null ? AdviceBasis.INTERACTION
                : head.action() == Action.TEST_REQUIRED && testAction(head) == null ? AdviceBasis.TEST_BEFORE_START
                : AdviceBasis.GENOTYPE;
        Set<String> visibleIds = new LinkedHashSet<>();
        findings.forEach(f -> visibleIds.add(f.recommendationId()));
        outcome.interactions().forEach(c -> visibleIds.add(c.id()));
        Action action;
        Indicator indicator;
        boolean followHead = false;
        if (ia != null) {
            action = Action.valueOf(ia.action());
            ClinicalKnowledge.InteractionRow row = knowledge.clinical.interactionById.get(ia.id());
            // a row that keeps both drugs (monitor, reduce the dose) yields to what the sources advise for the
            // functional phenotype when that is more severe (metoprolol with paroxetine: DPWG's poor-metabolizer dose)
            if (head != null && row != null && (row.advice().equals("monitor") || row.advice().equals("reduce-dose"))
                    && actionRank(head.action()) > actionRank(action) && head.action() != Action.TEST_REQUIRED) {
                action = head.action();
                followHead = true;
            }
            indicator = action == Action.AVOID || row != null && row.severity().equals("contraindicated")
                    ? Indicator.CRITICAL : Indicator.WARNING;
        } else if (head == algorithm && lower) {
            action = Action.REDUCE_DOSE;
            indicator = Indicator.WARNING;
        } else if (head == algorithm && raise(ranked) != null) {
            action = Action.INCREASE_DOSE;  // only a raise (CPIC: CYP4F2*3 carrier) changes the algorithm dose
            indicator = Indicator.WARNING;
        } else {
            action = head.action();
            indicator = indicator(head, order);
        }
        List<String> genes = new ArrayList<>();
        if (ia != null) {
            genes.addAll(ia.genes());
        }
        ranked.forEach(f -> f.lookupKey().keySet().forEach(g -> {
            if (!genes.contains(g)) {
                genes.add(g);
            }
        }));
        List<Dose> doses = doseFacts(outcome.doses(), head, ranked, order);
        boolean conditional = head != null && (ia == null || followHead) && conditional(head, doses, order);
        // either/or advice (another source advises another drug, even if only in some situations) is a choice, not a
        // one-click dose change
        boolean eitherOr = ranked.stream().anyMatch(f -> f != ranked.get(0)
                && (f.action() == Action.AVOID || f.action() == Action.CONSIDER_ALTERNATIVE));
        boolean oneClickDose = !conditional && ia == null && !eitherOr && (action == Action.REDUCE_DOSE
                || action == Action.INCREASE_DOSE) && hasNumber(head, doses) && simpleDose(head, doses)
                && doses.stream().noneMatch(d -> d.row().noOneClick());  // curated: titration only, sources differ
        List<CheckedAlternative> alternatives = alternatives(drug, outcome, visibleIds, results, order, ranked, ia);
        // alternatives are offered when the advice is to change the drug (or the interacting drug), not beside a dose
        // change: "or an alternative" then stays in the detail
        boolean offerAlternatives = ia != null || action == Action.AVOID || action == Action.CONSIDER_ALTERNATIVE;
        List<CheckedAlternative> offered = new ArrayList<>();
        for (CheckedAlternative a : alternatives) {
            boolean replacesDrug = a.replaces().equals(drug);
            // genotype advice offers alternatives to the drug; interaction advice to the interacting drug
            if (offerAlternatives && (ia == null ? replacesDrug : !replacesDrug)) {
                offered.add(a);
            }
        }
        String[] headline = headline(drug, head, ia, conversion, action, doses, offered, results, conversions,
                lower, followHead, ranked);
        String[] detail = new String[2];
        for (Lang l : Lang.values()) {
            detail[l.ordinal()] = detail(l, drug, head, ranked, ia, conversion, doses, alternatives, results,
                    conversions, order, causedBy, genes, secondaries);
        }
        List<String> sources = new ArrayList<>();
        if (ia != null) {
            sources.add(interactionSource(ia));
        }
        ranked.forEach(f -> sources.add(f.source().label()));
        DrugAdvice.Builder b = DrugAdvice.builder()
                .drug(drug, new LocalizedText(texts.drug(drug, Lang.EN), texts.drug(drug, Lang.NB)))
                .action(action, indicator)
                .basis(basis, basisLabel(basis, ia, head))
                .text(new LocalizedText(headline[0], headline[1]), new LocalizedText(detail[0], detail[1]))
                .findings(ranked)
                .doseFacts(doses.stream().map(Dose::fact).toList())
                .conditional(conditional, oneClickDose)
                .interaction(ia == null ? null : ia.perpetrator())
                .causedBy(causedBy)
                .genes(genes)
                .sources(sources);
        offered.forEach(b::alternative);
        return b.build();
    }

    /** Malignancy: the dose-facts id for any cancer indication (see {@link no.pgx.rules.model.DoseRow}). */
    private static final class DoseRowCheck {
        static boolean malignancy(String indication) {
            return !new no.pgx.rules.model.DoseRow("x", "x", null, null, Set.of("malignancy"), Set.of())
                    .excludesIndication(indication);
        }
    }

    private static int actionRank(Action a) {
        return switch (a) {
            case AVOID -> 6;
            case CONSIDER_ALTERNATIVE -> 5;
            case REDUCE_DOSE, INCREASE_DOSE -> 4;
            case TEST_REQUIRED -> 3;
            case MONITOR -> 2;
            // a source's "standard dose" is advice; another source's "no recommendation" for the same result is not
            case STANDARD_DOSE -> 1;
            case NO_RECOMMENDATION -> 0;
        };
    }

    /**
     * The recommendation rows whose advice the source wrote for the order's indication, curated to lead
     * ({@code curation/indication-actions.csv}, {@code leads}: DPWG PPIs for H. pylori eradication). Among advice of
     * equal weight they lead the card; the general advice of the other source stays in the detail.
     */
    private Set<String> indicationLeads(DrugOutcome outcome) {
        Set<String> out = new java.util.HashSet<>(2);
        for (FindingAssembler.Prepared p : outcome.prepared()) {
            if (knowledge.indicationLeads.contains(p.candidate().id())) {
                out.add(p.candidate().rowId());
            }
        }
        return out;
    }

    /** An established-therapy finding (patient on the drug > 3 months) decides the headline over general ones. */
    private int establishedFirst(Finding f, OrderedDrug order) {
        Knowledge.Population p = knowledge.populations.get(f.population().id());
        return p != null && "established".equals(p.therapy()) ? 0 : 1;
    }

    /**
     * The most a dose change allows (upper bound of its percentage): between two reductions the more cautious leads
     * (phenytoin CYP2C9 *3/*3: DPWG 40 % before CPIC 50 %; azathioprine TPMT IM: DPWG 50 % before CPIC 30-80 %).
     */
    private double doseCeiling(Finding f, DrugOutcome outcome) {
        if (f.action() != Action.REDUCE_DOSE) {
            return 0;
        }
        double best = Double.MAX_VALUE;
        for (DoseStatement s : outcome.doses()) {
            ClinicalKnowledge.DoseRow d = knowledge.clinical.doseById.get(s.rowId());
            if (d != null && d.recommendationId().equals(f.recommendationId()) && d.percent() != null
                    && !d.conditional()) {
                best = Math.min(best, upper(d.percent()));
            }
        }
        if (best == Double.MAX_VALUE && f.dosePercent() != null) {
            best = upper(f.dosePercent());
        }
        return best;
    }

    private static double upper(String percent) {
        String[] p = percent.split("-");
        try {
            return Double.parseDouble(p[p.length - 1]);
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    /**
     * A dose change simple enough for one click: one number, not a range, not titrated to response or INR, without a
     * statement that applies only under a condition.
     */
    private boolean simpleDose(Finding head, List<Dose> doses) {
        List<String> notes = notes(head);
        if (notes.contains("titrate-by-response") || notes.contains("inr-monitoring") || notes.contains("if-malignancy")
                || notes.contains("slower-titration") && head.action() == Action.INCREASE_DOSE) {
            return false;
        }
        for (Dose d : doses) {
            if (d.recommendationId().equals(head.recommendationId()) && (d.conditional()
                    || d.row().percent() != null && d.row().percent().contains("-")
                    || d.row().amount() != null && d.row().amount().contains("-"))) {
                return false;
            }
        }
        return head.dosePercent() == null || !head.dosePercent().contains("-")
                || doses.stream().anyMatch(d -> d.recommendationId().equals(head.recommendationId()));
    }

    // ------------------------------------------------------------------ ranking

    private int severity(Finding f, OrderedDrug order, boolean malignancy, List<Finding> all) {
        // cancer treatment that cannot be replaced: a dose change for malignancy (CPIC thiopurines) leads over "avoid,
        // or if there is no alternative reduce" (DPWG), which then falls back to its dose
        if (malignancy && (f.action() == Action.AVOID || f.action() == Action.CONSIDER_ALTERNATIVE)
                && notes(f).contains("if-no-alternative")
                && all.stream().anyMatch(x -> x.action() == Action.REDUCE_DOSE && notes(x).contains("if-malignancy"))) {
            return 6;
        }
        // "choose another drug, but only in a situation the data cannot show" (DPWG atorvastatin: only with other
        // myopathy risk factors) does not lead over an unconditional dose change
        if ((f.action() == Action.AVOID || f.action() == Action.CONSIDER_ALTERNATIVE) && notes(f).contains("conditional")) {
            return 6;
        }
        return severity(f);
    }

    private int severity(Finding f) {
        return switch (f.action()) {
            case AVOID -> 10;
            case TEST_REQUIRED -> switch (requirement(f)) {
                case "required" -> 9;
                case "recommended" -> 6;
                default -> 2;
            };
            case CONSIDER_ALTERNATIVE -> 8;
            case REDUCE_DOSE, INCREASE_DOSE -> 7;
            case MONITOR -> algorithm(f) ? 7 : 5;
            case STANDARD_DOSE -> 1;  // advice, so it leads over another source's "no recommendation"
            case NO_RECOMMENDATION -> 0;
        };
    }

    private Indicator indicator(Finding f, OrderedDrug order) {
        if (f.action() == Action.MONITOR && !algorithm(f)) {
            // monitoring is information (watch for less effect, for side effects); a positive HLA risk allele to be
            // monitored for (flucloxacillin and liver injury) a warning, unless the patient has taken the drug
            // for more than three months without reaction
            if (establishedFirst(f, order) == 0) {
                return Indicator.INFO;
            }
            boolean riskAllele = f.lookupKey().values().stream().anyMatch(v -> v.endsWith(" positive"));
            return riskAllele ? Indicator.WARNING : Indicator.INFO;
        }
        return indicator(f);
    }

    private Indicator indicator(Finding f) {
        return switch (f.action()) {
            case AVOID -> Indicator.CRITICAL;
            case TEST_REQUIRED -> switch (requirement(f)) {
                case "required" -> Indicator.CRITICAL;
                case "recommended" -> Indicator.WARNING;
                default -> Indicator.INFO;
            };
            case CONSIDER_ALTERNATIVE, REDUCE_DOSE, INCREASE_DOSE -> Indicator.WARNING;
            case MONITOR -> algorithm(f) ? Indicator.WARNING : Indicator.INFO;
            case NO_RECOMMENDATION, STANDARD_DOSE -> Indicator.INFO;
        };
    }

    /** @return the curated test action of a finding whose advice is to measure the phenotype, or null */
    private Knowledge.TestAction testAction(Finding f) {
        return f.action() == Action.TEST_REQUIRED ? knowledge.testAction(f.recommendationId()) : null;
    }

    private String requirement(Finding f) {
        Knowledge.TestAction a = testAction(f);
        if (a != null) {
            return a.requirement();
        }
        Knowledge.TestRule t = knowledge.tests.get(f.recommendationId());
        return t == null ? "required" : t.requirement();
    }

    private boolean algorithm(Finding f) {
        return f.recommendationId() != null && knowledge.algorithms.containsKey(f.recommendationId());
    }

    private static int sourceRank(String source) {
        return switch (source) {
            case "CPIC" -> 0;
            case "DPWG" -> 1;
            default -> 2;
        };
    }

    private static int strengthRank(String strength) {
        return switch (strength == null ? "" : strength) {
            case "Strong" -> 0;
            case "Moderate" -> 1;
            case "Optional" -> 2;
            default -> 3;
        };
    }

    private Knowledge.Row row(Finding f) {
        return f == null || f.recommendationId() == null ? null : knowledge.rows.get(f.recommendationId());
    }

    private List<String> notes(Finding f) {
        Knowledge.Row r = row(f);
        return r == null ? List.of() : r.doseNotes();
    }

    private boolean conditional(Finding head, List<Dose> doses, OrderedDrug order) {
        List<String> notes = notes(head);
        boolean doseAction = head.action() == Action.REDUCE_DOSE || head.action() == Action.INCREASE_DOSE
                || head.action() == Action.MONITOR;
        if (notes.contains("conditional") || doseAction && notes.contains("if-no-alternative")) {
            return true;
        }
        if ((notes.contains("indication-dependent") || notes.contains("if-malignancy")) && order.indication() == null) {
            return true;
        }
        if (!doseAction) {
            return false;  // the dose statements of "avoid"/"choose another" are the fallback, not the advice
        }
        boolean any = false;
        boolean unconditional = false;
        for (Dose d : doses) {
            if (head.recommendationId().equals(d.recommendationId())) {
                any = true;
                unconditional |= !d.conditional();
            }
        }
        return any && !unconditional;
    }

    private static boolean hasNumber(Finding head, List<Dose> doses) {
        boolean any = false;
        for (Dose d : doses) {
            if (head.recommendationId().equals(d.recommendationId())) {
                any = true;
                if (!d.conditional() && !d.row().change().equals("unchanged")
                        && !d.row().change().equals("by-enzyme-activity")) {
                    return true;
                }
            }
        }
        return !any && head.dosePercent() != null;
    }

    // ------------------------------------------------------------------ dose facts

    private List<Dose> doseFacts(List<DoseStatement> statements, Finding head, List<Finding> ranked,
                                 OrderedDrug order) {
        Set<String> visible = new LinkedHashSet<>();
        ranked.forEach(f -> visible.add(f.recommendationId()));
        List<ClinicalKnowledge.DoseRow> rows = new ArrayList<>();
        for (DoseStatement s : statements) {
            ClinicalKnowledge.DoseRow d = knowledge.clinical.doseById.get(s.rowId());
            if (d != null && visible.contains(d.recommendationId()) && !rows.contains(d)) {
                rows.add(d);
            }
        }
        String headId = head == null ? null : head.recommendationId();
        rows.sort(Comparator.comparing((ClinicalKnowledge.DoseRow d) -> !d.recommendationId().equals(headId))
                .thenComparing(ClinicalKnowledge.DoseRow::recommendationId)
                .thenComparingInt(d -> DOSE_KIND_ORDER.indexOf(d.kind()))
                .thenComparing(d -> d.ageMin() == null ? -1 : d.ageMin()));
        List<Dose> out = new ArrayList<>(rows.size());
        for (ClinicalKnowledge.DoseRow d : rows) {
            String[] t = new String[2];
            for (Lang l : Lang.values()) {
                t[l.ordinal()] = doseText(d, l, true);
            }
            out.add(new Dose(DoseFact.builder().kind(d.kind()).change(d.change()).percent(d.percent())
                    .amount(d.amount(), d.unit()).ages(d.ageMin(), d.ageMax())
                    .conditional(d.conditional(), d.conditional() ? new LocalizedText(d.conditionEn(),
                            d.conditionNb()) : null)
                    .text(new LocalizedText(t[0], t[1])).recommendation(d.source(), d.recommendationId()).build(), d));
        }
        return List.copyOf(out);
    }

    /** One dose statement in words: "vedlikeholdsdose 75 % av vanlig dose", with age band and condition. */
    private String doseText(ClinicalKnowledge.DoseRow d, Lang l, boolean withCondition) {
        String kind = texts.text(l, "advice.dose.kind." + d.kind());
        String s = switch (d.change()) {
            case "unchanged" -> texts.text(l, "advice.dose.unchanged", "kind", kind);
            // a percentage the source also gives as one amount (siponimod CYP2C9 *1/*3: 50 % = 1 mg a day) is stated
            // with that amount first: it is the number the prescriber writes; ranges (weight-based thiopurine doses)
            // keep the percentage
            case "percent" -> d.kind().equals("maximum") && upper(d.percent()) <= 100
                    ? texts.text(l, "advice.dose.percent.max", "percent", range(d.percent(), l))
                    : d.amount() != null && !d.amount().contains("-") && !d.percent().contains("-")
                    && upper(d.percent()) < 100 ? texts.text(l, "advice.dose.percent.amount", "kind", kind,
                    "amount", range(d.amount(), l), "unit", unit(d.unit(), l), "percent", range(d.percent(), l))
                    : percentWords(kind, d.percent(), l);
            case "cap" -> d.amount() == null
                    ? d.kind().equals("maximum") ? texts.text(l, "advice.dose.percent.max", "percent",
                    range(d.percent(), l))
                    : texts.text(l, "advice.dose.percent.cap", "kind", kind, "percent", range(d.percent(), l))
                    : d.kind().equals("maximum") ? texts.text(l, "advice.dose.cap.maximum", "amount",
                    range(d.amount(), l), "unit", unit(d.unit(), l))
                    : texts.text(l, "advice.dose.cap", "kind", kind, "amount", range(d.amount(), l), "unit",
                    unit(d.unit(), l));
            case "below" -> texts.text(l, "advice.dose.below", "kind", kind, "amount", d.amount() == null
                    ? range(d.percent(), l) + " %" : range(d.amount(), l) + " " + unit(d.unit(), l));
            case "by-enzyme-activity" -> texts.text(l, "advice.dose.byActivity", "kind", kind);
            default -> texts.text(l, d.kind().equals("daily") && d.unit() != null && d.unit().endsWith("/day")
                    ? "advice.dose.absolute.daily" : "advice.dose.absolute", "kind", kind, "amount",
                    range(d.amount(), l), "unit", unit(d.unit(), l));
        };
        if (d.frequency() != null) {
            s += " " + frequency(d.frequency(), l);
        }
        String ages = ages(d.ageMin(), d.ageMax(), l);
        if (ages != null) {
            s += texts.text(l, "advice.dose.ages", "ages", ages);
        }
        if (withCondition && d.conditional()) {
            s = texts.text(l, "advice.dose.condition", "dose", s, "condition",
                    l == Lang.NB ? d.conditionNb() : d.conditionEn());
        }
        return s;
    }

    /** "startdose 50 % av vanlig dose"; an increase as a multiple: "startdose 1,5–2 ganger vanlig dose". */
    private String percentWords(String kind, String percent, Lang l) {
        if (upper(percent) > 100) {
            List<String> times = new ArrayList<>();
            for (String p : percent.split("-")) {
                double x = Double.parseDouble(p) / 100.0;
                String t = x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x).replaceAll("0+$", "");
                times.add(t);
            }
            return texts.text(l, "advice.dose.times", "kind", kind, "times", range(String.join("-", times), l));
        }
        return texts.text(l, "advice.dose.percent", "kind", kind, "percent", range(percent, l));
    }

    private String frequency(String f, Lang l) {
        String key = "advice.frequency." + f.replace(' ', '_').replace('/', '_');
        return texts.has(l, key) ? texts.text(l, key) : "(" + f + ")";
    }

    private String ages(Integer min, Integer max, Lang l) {
        if (min == null && max == null) {
            return null;
        }
        if (max == null) {
            return texts.text(l, "advice.dose.age.min", "min", String.valueOf(min));
        }
        if (min == null) {
            return texts.text(l, "advice.dose.age.max", "max", String.valueOf(max));
        }
        return texts.text(l, "advice.dose.age.range", "min", String.valueOf(min), "maxm1", String.valueOf(max - 1));
    }

    private String unit(String unit, Lang l) {
        if (unit == null) {
            return "";
        }
        String key = "advice.unit." + unit;
        return texts.has(l, key) ? texts.text(l, key) : unit;
    }

    /** @return the finding that raises a dosing algorithm's dose by a percentage (CPIC warfarin, CYP4F2), or null */
    private static Finding raise(List<Finding> ranked) {
        return ranked.stream().filter(f -> f.action() == Action.INCREASE_DOSE && f.dosePercent() != null).findFirst()
                .orElse(null);
    }

    /** @return a percentage of the standard dose above 100 as the increase ({@code 105-110} → {@code 5-10}) */
    private static String above100(String percent) {
        StringBuilder b = new StringBuilder();
        for (String part : percent.split("-")) {
            b.append(b.length() == 0 ? "" : "-").append(Integer.parseInt(part.trim()) - 100);
        }
        return b.toString();
    }

    private static String range(String value, Lang l) {
        if (value == null) {
            return "";
        }
        String v = value.replace("-", "–");
        return l == Lang.NB ? v.replace('.', ',') : v;
    }

    /** The dose words of a finding: its dose statements, else its percentage with the kind its notes name. */
    private String doseWords(Finding f, List<Dose> doses, String drug, Lang l, boolean withCondition) {
        List<String> parts = new ArrayList<>();
        boolean loading = false;
        for (Dose d : doses) {
            if (f.recommendationId().equals(d.recommendationId())) {
                String text = doseText(d.row(), l, withCondition);
                if (!parts.contains(text)) {
                    parts.add(text);
                }
                loading |= d.row().kind().equals("loading");
            }
        }
        if (!parts.isEmpty()) {
            return String.join(", ", parts);
        }
        if (f.dosePercent() == null) {
            return null;
        }
        List<String> notes = notes(f);
        String kind = notes.contains("starting-dose") ? "starting" : notes.contains("maintenance-dose")
                ? "maintenance" : notes.contains("max-dose-limit") ? "maximum" : "dose";
        String s = kind.equals("maximum") && upper(f.dosePercent()) <= 100 ? texts.text(l, "advice.dose.percent.max",
                "percent", range(f.dosePercent(), l))
                : percentWords(texts.text(l, "advice.dose.kind." + kind), f.dosePercent(), l);
        if (kind.equals("maintenance") && drugsWithLoadingDose.contains(drug) && !loading) {
            // the same words as a curated "loading: unchanged" statement, so that sources that agree merge
            s = texts.text(l, "advice.dose.unchanged", "kind", texts.text(l, "advice.dose.kind.loading")) + ", " + s;
        }
        return s;
    }

    // ------------------------------------------------------------------ alternatives

    private List<CheckedAlternative> alternatives(String drug, DrugOutcome outcome, Set<String> visibleIds,
                                                  Map<String, GeneResult> results, OrderedDrug order,
                                                  List<Finding> ranked, Candidate ia) {
        Map<String, List<Alternative>> named = new LinkedHashMap<>();
        for (Alternative a : outcome.alternatives()) {
            if (visibleIds.contains(a.origin())) {
                named.computeIfAbsent(a.drug() + "|" + a.replaces(), k -> new ArrayList<>()).add(a);
            }
        }
        List<CheckedAlternative> out = new ArrayList<>();
        for (List<Alternative> group : named.values()) {
            Alternative first = group.get(0);
            List<AlternativeCheck> checks = outcome.checks().stream()
                    .filter(c -> c.alternative().equals(first.drug())).toList();
            boolean reject = false;
            boolean caution = false;
            boolean scopeMatch = false;
            CheckedAlternative.Builder b = CheckedAlternative.builder()
                    .drug(first.drug(), new LocalizedText(name(first.drug(), Lang.EN), name(first.drug(), Lang.NB)))
                    .replaces(first.replaces());
            List<LocalizedText> rejectReasons = new ArrayList<>();
            List<AlternativeCheck> unverified = new ArrayList<>();
            // several scope rows (the order's population and its indication) that rule the alternative out say the
            // same thing: the one for the indication is said, else the first
            ClinicalKnowledge.ScopeRow scopeReject = null;
            AlternativeCheck scopeRejectCheck = null;
            int scopeRejectAt = 0;
            checks = mergeSources(checks);
            for (AlternativeCheck c : checks) {
                switch (c.verdict()) {
                    case REJECT -> {
                        reject = true;
                        ClinicalKnowledge.ScopeRow scope = knowledge.clinical.scopeById.get(c.reason());
                        if (scope == null) {
                            rejectReasons.add(reason(c, results));
                        } else if (scopeReject == null || blank(scopeReject.indication()) && !blank(scope.indication())) {
                            scopeRejectAt = scopeReject == null ? rejectReasons.size() : scopeRejectAt;
                            scopeReject = scope;
                            scopeRejectCheck = c;
                        }
                    }
                    case CAUTION -> {
                        caution = true;
                        b.reason(reason(c, results));
                    }
                    case UNVERIFIED -> {
                        caution = true;
                        unverified.add(c);
                    }
                    case SCOPE_UNKNOWN -> {
                        caution = true;
                        b.scope(scopeLabel(c));
                    }
                    case SCOPE_MATCH -> scopeMatch = true;
                }
            }
            if (!unverified.isEmpty()) {
                b.reason(unverified(unverified));
            }
            if (scopeRejectCheck != null) {
                rejectReasons.add(scopeRejectAt, reason(scopeRejectCheck, results));
            }
            if (reject) {
                b = CheckedAlternative.builder()
                        .drug(first.drug(), new LocalizedText(name(first.drug(), Lang.EN), name(first.drug(), Lang.NB)))
                        .replaces(first.replaces()).status(AlternativeStatus.NOT_SUITABLE);
                rejectReasons.forEach(b::reason);
            } else {
                b.status(caution ? AlternativeStatus.CAUTION : AlternativeStatus.SUITABLE);
            }
            boolean unconditional = false;
            for (Alternative a : group) {
                b.namedBy(originSource(a.origin(), ranked, ia));
                Knowledge.Row row = knowledge.rows.get(a.origin());
                boolean indicationOpen = row != null && row.doseNotes().contains("indication-dependent")
                        && order.indication() == null && order.population() == null && !scopeMatch;
                unconditional |= !indicationOpen;
            }
            // with interaction advice, alternatives to the drug itself are the fallback "if the inhibitor must be kept"
            boolean fallbackOnly = ia != null && first.replacesOrderedDrug() && !first.origin().equals(ia.id());
            // a switch among several drugs the source names (antidepressants instead of paroxetine) is a clinical
            // choice: one click only where the interaction advice names a single replacement (pantoprazole)
            ClinicalKnowledge.InteractionRow origin = knowledge.clinical.interactionById.get(first.origin());
            boolean choice = origin != null && origin.replaceWith().size() != 1;
            b.oneClick(!reject && !caution && unconditional && !fallbackOnly && !choice
                    && !(first.replacesOrderedDrug() && clinicalSwitch(drug)));
            out.add(b.build());
        }
        // suitable first, then those with cautions, then the rejected; otherwise in the order the sources name them
        out.sort(Comparator.comparingInt(c -> c.status().ordinal()));
        return out;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Checks from the alternative's own recommendation rows that say the same for the same gene (CPIC and DPWG both
     * advise against paroxetine for a CYP2D6 ultrarapid metabolizer) become one, naming both sources.
     */
    private List<AlternativeCheck> mergeSources(List<AlternativeCheck> checks) {
        Map<String, AlternativeCheck> first = new LinkedHashMap<>();
        Map<String, Set<String>> sources = new LinkedHashMap<>();
        List<AlternativeCheck> out = new ArrayList<>();
        for (AlternativeCheck c : checks) {
            Knowledge.Row row = knowledge.row(c.reason());
            if (row == null) {
                out.add(c);
                continue;
            }
            String key = c.verdict() + "|" + row.action() + "|" + row.key().keySet();
            first.putIfAbsent(key, c);
            sources.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(row.source());
        }
        first.forEach((key, c) -> out.add(new AlternativeCheck(c.forDrug(), c.alternative(), c.verdict(), c.reason(),
                String.join("/", sources.get(key)))));
        return out;
    }

    /** Checks that could not be made, said once: "sjekk: kontraindisert etter …; generelt ikke anbefalt fra 75 år". */
    private LocalizedText unverified(List<AlternativeCheck> checks) {
        // the facts a prescriber checks fastest first: age, weight, indication, then history
        List<String> order = List.of("age-min", "age-max", "weight-max", "indication", "co-medication", "condition");
        checks = new ArrayList<>(checks);
        checks.sort(Comparator.comparingInt(c -> {
            ClinicalKnowledge.ContraindicationRow row = knowledge.clinical.contraindicationById.get(c.reason());
            return row == null ? order.size() : order.indexOf(row.kind());
        }));
        String[] t = new String[2];
        for (Lang l : Lang.values()) {
            List<String> reasons = new ArrayList<>();
            for (AlternativeCheck c : checks) {
                ClinicalKnowledge.ContraindicationRow ci = knowledge.clinical.contraindicationById.get(c.reason());
                String r = ci == null ? c.reason() : l == Lang.NB ? ci.reasonNb() : ci.reasonEn();
                if (!reasons.contains(r)) {
                    reasons.add(r);
                }
            }
            if (reasons.size() > 3) {
                int more = reasons.size() - 3;
                reasons = new ArrayList<>(reasons.subList(0, 3));
                reasons.add(texts.text(l, "advice.check.more", "n", String.valueOf(more)));
            }
            t[l.ordinal()] = texts.text(l, "advice.check.unverified.many", "reasons", String.join("; ", reasons));
        }
        return new LocalizedText(t[0], t[1]);
    }

    /**
     * Switching an antidepressant, antipsychotic or antiepileptic is a clinical decision (choice of drug, cross-taper):
     * such alternatives are listed, never offered as a one-click replacement of the order.
     */
    private boolean clinicalSwitch(String drug) {
        for (String atc : texts.atc(drug)) {
            if (atc.startsWith("N06A") || atc.startsWith("N05A") || atc.startsWith("N03A")) {
                return true;
            }
        }
        return false;
    }

    private String originSource(String origin, List<Finding> ranked, Candidate ia) {
        if (ia != null && ia.id().equals(origin)) {
            return interactionSource(ia);
        }
        Knowledge.Row r = knowledge.rows.get(origin);
        return r == null ? origin : r.source();
    }

    private String interactionSource(Candidate ia) {
        ClinicalKnowledge.InteractionRow row = knowledge.clinical.interactionById.get(ia.id());
        return row == null ? "pgx" : row.source();
    }

    private LocalizedText reason(AlternativeCheck c, Map<String, GeneResult> results) {
        String[] t = new String[2];
        for (Lang l : Lang.values()) {
            t[l.ordinal()] = reasonText(c, results, l);
        }
        return new LocalizedText(t[0], t[1]);
    }

    private String reasonText(AlternativeCheck c, Map<String, GeneResult> results, Lang l) {
        ClinicalKnowledge.ContraindicationRow ci = knowledge.clinical.contraindicationById.get(c.reason());
        if (ci != null) {
            String r = l == Lang.NB ? ci.reasonNb() : ci.reasonEn();
            return c.verdict() == Verdict.UNVERIFIED ? texts.text(l, "advice.check.unverified", "reason", r) : r;
        }
        if (c.reason().startsWith("restricted:")) {
            ClinicalKnowledge.ScopeRow where = knowledge.clinical.scopeById.get(c.reason().substring(11));
            return texts.text(l, "advice.check.scope", "reason", scopeLabel(c).in(l == Lang.NB ? "nb" : "en"));
        }
        ClinicalKnowledge.ScopeRow scope = knowledge.clinical.scopeById.get(c.reason());
        if (scope != null) {
            return l == Lang.NB ? scope.reasonNb() : scope.reasonEn();
        }
        if (c.reason().startsWith("substrate:")) {
            String gene = c.reason().substring("substrate:".length());
            return texts.text(l, "advice.check.substrate", "gene", gene, "phenotype", phenotypeWords(gene, results, l));
        }
        if (c.reason().startsWith("interaction:")) {
            return texts.text(l, "advice.check.sameGene", "gene", c.detail() == null ? "" : genesAffected(c));
        }
        Knowledge.TestRule test = knowledge.tests.get(c.reason());
        if (test != null) {
            return texts.text(l, "advice.check.test", "gene", test.allele() == null ? test.gene()
                    : test.gene() + test.allele());
        }
        Knowledge.Row row = knowledge.row(c.reason());
        if (row != null) {
            String gene = row.key().keySet().stream().filter(g -> !"No Result".equals(row.key().get(g))
                    && results.containsKey(g)).findFirst().orElse(row.key().keySet().iterator().next());
            String key = row.action() == Action.AVOID ? "advice.check.reject.genotype"
                    : row.action() == Action.CONSIDER_ALTERNATIVE ? "advice.check.caution.alternative"
                    : "advice.check.caution.genotype";
            String source = c.detail() != null && c.detail().matches("[A-Z/]+") ? c.detail() : row.source();
            return texts.text(l, key, "gene", gene, "phenotype", phenotypeWords(gene, results, l), "source",
                    source.replace("/", l == Lang.NB ? " og " : " and "), "drug", texts.drug(row.drug(), l));
        }
        return c.reason();
    }

    private String genesAffected(AlternativeCheck c) {
        return c.detail();
    }

    private LocalizedText scopeLabel(AlternativeCheck c) {
        String key = c.detail();
        Knowledge.Population p = key == null ? null : knowledge.populations.get(key);
        if (p != null) {
            return new LocalizedText(texts.text(Lang.EN, "advice.scope.unknown", "scope", p.shortEn()),
                    texts.text(Lang.NB, "advice.scope.unknown", "scope", p.shortNb()));
        }
        LocalizedText condition = knowledge.clinical.conditionLabel(key);
        return new LocalizedText(texts.text(Lang.EN, "advice.scope.unknown", "scope", condition.en()),
                texts.text(Lang.NB, "advice.scope.unknown", "scope", condition.nb()));
    }

    private String name(String drugOrCombination, Lang l) {
        List<String> parts = new ArrayList<>();
        for (String p : drugOrCombination.split("\\+")) {
            parts.add(texts.drug(p.trim(), l));
        }
        return String.join(" + ", parts);
    }

    // ------------------------------------------------------------------ headline

    private String[] headline(String drug, Finding head, Candidate ia, Phenoconversion conversion, Action action,
                              List<Dose> doses, List<CheckedAlternative> alternatives,
                              Map<String, GeneResult> results, Map<String, Phenoconversion> conversions,
                              boolean lower, boolean followHead, List<Finding> ranked) {
        List<String[]> tries = new ArrayList<>();
        if (ia != null) {
            for (int variant = 0; variant < 3; variant++) {
                String[] t = new String[2];
                for (Lang l : Lang.values()) {
                    t[l.ordinal()] = interactionHeadline(l, drug, head, ia, conversion, alternatives, variant,
                            followHead || knowledge.clinical.interactionById.containsKey(ia.id())
                                    && knowledge.clinical.interactionById.get(ia.id()).advice().equals("reduce-dose")
                                    ? doseWords(head, doses, drug, l, false) : null);
                }
                tries.add(t);
            }
        } else if (head.action() == Action.TEST_REQUIRED) {
            // a test action has a result on file (G6PD variable): the headline names it
            boolean measure = testAction(head) != null;
            for (String key : measure ? List.of("advice.headline.measure", "advice.headline.test.short")
                    : List.of("advice.headline.test", "advice.headline.test.short")) {
                String[] t = new String[2];
                for (Lang l : Lang.values()) {
                    t[l.ordinal()] = texts.text(l, key, "Drug", FindingTexts.capitalise(texts.drug(drug, l)),
                            "action", testAction(head, l), "result",
                            measure ? resultWords(head, results, conversions, l) : "");
                }
                tries.add(t);
            }
        } else {
            List<CheckedAlternative> offered = alternatives.stream()
                    .filter(a -> a.status() != AlternativeStatus.NOT_SUITABLE && a.replaces().equals(drug)).toList();
            for (int variant = 0; variant < 10; variant++) {
                String[] t = new String[2];
                for (Lang l : Lang.values()) {
                    t[l.ordinal()] = genotypeHeadline(l, drug, head, doses, offered, results, conversions, variant,
                            lower, ranked);
                }
                tries.add(t);
            }
        }
        for (String[] t : tries) {
            if (t[0].length() <= HEADLINE_MAX && t[1].length() <= HEADLINE_MAX) {
                return t;
            }
        }
        String[] last = tries.get(tries.size() - 1);
        return new String[] {cut(last[0]), cut(last[1])};
    }

    private static String cut(String s) {
        return s.length() <= HEADLINE_MAX ? s : s.substring(0, HEADLINE_MAX - 1) + "…";
    }

    /**
     * Variants, longest first; the number (a fallback dose, another source's stricter cap) is kept longer than the
     * patient's result, which the detail repeats: 0 action – result. alternatives. number; 1 the same with two
     * alternatives; 2 without the result; 3 two alternatives without the result; 4 action – result. number;
     * 5 action. number; 6 action – result. two alternatives; 7 action. two alternatives; 8 action – result; 9 action.
     * The dose action keeps its condition in variants 0-5.
     */
    private String genotypeHeadline(Lang l, String drug, Finding head, List<Dose> doses,
                                    List<CheckedAlternative> offered, Map<String, GeneResult> results,
                                    Map<String, Phenoconversion> conversions, int variant, boolean lower,
                                    List<Finding> ranked) {
        String d = FindingTexts.capitalise(texts.drug(drug, l));
        String action = headlineAction(l, drug, head, doses, variant >= 6, lower, ranked);
        boolean withResult = variant == 0 || variant == 1 || variant == 4 || variant == 6 || variant == 8;
        int maxAlternatives = switch (variant) {
            case 0, 2 -> Integer.MAX_VALUE;
            case 1, 3, 6, 7 -> 2;
            default -> 0;
        };
        boolean withNumber = variant <= 5;
        String extra = maxAlternatives == 0 ? "" : alternativesExtra(l, offered, maxAlternatives);
        if (withNumber) {
            extra += numberExtra(l, drug, head, doses, ranked, lower);
        }
        if (!withResult) {
            return texts.text(l, "advice.headline.short", "Drug", d, "action", action, "extra", extra);
        }
        return texts.text(l, "advice.headline", "Drug", d, "action", action, "result",
                resultWords(head, results, conversions, l), "extra", extra);
    }

    /**
     * The number a headline should carry beside the action: for "avoid" / "choose another" the fallback dose if the
     * drug is used anyway; for every action another source's stricter maximum (DPWG citalopram from 65 years);
     * for warfarin the one DPWG starting-dose percentage when only one gene changes it.
     */
    private String numberExtra(Lang l, String drug, Finding head, List<Dose> doses, List<Finding> ranked,
                               boolean lower) {
        StringBuilder b = new StringBuilder();
        if (algorithm(head)) {
            List<Finding> table = ranked.stream().filter(f -> f != head && f.action() == Action.REDUCE_DOSE
                    && f.dosePercent() != null).toList();
            if (lower && table.size() == 1) {
                Finding f = table.get(0);
                b.append(texts.text(l, "advice.extra.dose", "dose", f.source().label() + ": " + texts.text(l,
                        "advice.dose.percent", "kind", texts.text(l, "advice.dose.kind.starting"), "percent",
                        range(f.dosePercent(), l))));
            }
            return b.toString();
        }
        if (head.action() == Action.AVOID || head.action() == Action.CONSIDER_ALTERNATIVE) {
            // if the drug is used anyway: the strictest maximum any source gives this patient, else the head's own
            // first dose statement, else its percentage
            Dose strictest = null;
            for (Dose x : doses) {
                if (x.row().kind().equals("maximum") && x.row().amount() != null && !x.row().amount().contains("-")
                        && (!x.conditional() || x.row().conditionKinds().contains("if-no-alternative"))
                        && !x.row().conditionKinds().contains("form")
                        && (strictest == null || amount(x.row()) < amount(strictest.row()))) {
                    strictest = x;
                }
            }
            String dose = strictest != null ? doseText(strictest.row(), l, false) : firstDoseWords(head, doses, drug, l);
            if (dose == null) {
                // the head names no dose (CPIC warfarin: another anticoagulant): the one dose change another source
                // gives for this patient, when there is exactly one (two would be competing numbers)
                List<Finding> changes = ranked.stream().filter(f -> f != head && !f.source().equals(head.source())
                        && (f.action() == Action.REDUCE_DOSE || f.action() == Action.INCREASE_DOSE)).toList();
                String words = changes.size() == 1 ? firstDoseWords(changes.get(0), doses, drug, l) : null;
                dose = words == null ? null : changes.get(0).source() + ": " + words;
            }
            if (dose != null) {
                b.append(texts.text(l, "advice.extra.dose", "dose", FindingTexts.capitalise(
                        texts.text(l, "advice.sentence.fallback", "drug", texts.drug(drug, l), "dose", dose)
                                .replaceAll("\\.$", ""))));
            }
            return b.toString();
        }
        String headWords = doseWords(head, doses, drug, l, false);
        for (Finding f : ranked) {
            if (f == head || f.source() == head.source()) {
                continue;
            }
            for (Dose x : doses) {
                if (x.recommendationId().equals(f.recommendationId()) && x.row().kind().equals("maximum")
                        && !x.conditional() && x.row().amount() != null) {
                    String cap = doseText(x.row(), l, false);
                    if (headWords == null || !headWords.contains(cap)) {
                        b.append(texts.text(l, "advice.extra.dose", "dose", f.source().label() + ": " + cap));
                    }
                    break;
                }
            }
        }
        return b.toString();
    }

    private static double amount(ClinicalKnowledge.DoseRow d) {
        try {
            return Double.parseDouble(d.amount().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }

    /** The first dose statement of a finding (or its percentage), for a headline. */
    private String firstDoseWords(Finding f, List<Dose> doses, String drug, Lang l) {
        for (Dose d : doses) {
            if (f.recommendationId().equals(d.recommendationId()) && !d.row().change().equals("unchanged")) {
                return doseText(d.row(), l, false);
            }
        }
        return doseWords(f, doses, drug, l, false);
    }

    private String headlineAction(Lang l, String drug, Finding head, List<Dose> doses, boolean brief,
                                  boolean lower, List<Finding> ranked) {
        if (algorithm(head)) {
            Finding raise = lower ? null : raise(ranked);
            if (raise != null) {
                return texts.text(l, "advice.action.ALGORITHM.higher", "percent", range(above100(raise.dosePercent()),
                        l));
            }
            return texts.text(l, lower ? "advice.action.ALGORITHM.lower" : "advice.action.ALGORITHM");
        }
        switch (head.action()) {
            case REDUCE_DOSE, INCREASE_DOSE -> {
                String dose = doseWords(head, doses, drug, l, !brief);
                return dose != null ? dose : texts.text(l, "advice.action." + head.action());
            }
            case MONITOR -> {
                if (notes(head).contains("measure-enzyme-activity")) {
                    return texts.text(l, "advice.action.MONITOR.measure");
                }
                String dose = doseWords(head, doses, drug, l, !brief);
                return dose != null ? dose : texts.text(l, "advice.action.MONITOR");
            }
            default -> {
                return texts.text(l, "advice.action." + head.action());
            }
        }
    }

    private String alternativesExtra(Lang l, List<CheckedAlternative> offered, int max) {
        if (offered.isEmpty()) {
            return "";
        }
        List<CheckedAlternative> shown = offered.size() > max ? offered.subList(0, max) : offered;
        LocalizedText scope = shown.get(0).scope();
        boolean sameScope = scope != null && shown.stream().allMatch(a -> scope.equals(a.scope()));
        List<String> names = new ArrayList<>();
        for (CheckedAlternative a : shown) {
            String n = a.name().in(l == Lang.NB ? "nb" : "en");
            if (!sameScope && a.scope() != null) {
                n += " (" + a.scope().in(l == Lang.NB ? "nb" : "en") + ")";
            }
            names.add(n);
        }
        String list = texts.join(names, l, "list.or");
        if (sameScope) {
            String s = scope.in(l == Lang.NB ? "nb" : "en");
            String bare = s.substring(s.indexOf(' ') + 1);
            return texts.text(l, "advice.extra.alternatives.scoped", "scope", bare, "alternatives", list);
        }
        return texts.text(l, "advice.extra.alternatives", "alternatives", list);
    }

    private String interactionHeadline(Lang l, String drug, Finding head, Candidate ia, Phenoconversion p,
                                       List<CheckedAlternative> alternatives, int variant, String doseWords) {
        String d = FindingTexts.capitalise(texts.drug(drug, l));
        String perpetratorId = ia.perpetrator() == null ? "" : ia.perpetrator();
        List<String> names = new ArrayList<>();
        for (String part : perpetratorId.split("\\+")) {
            names.add(texts.drug(part, l));
        }
        String perpetrator = texts.join(names, l, "list.and");
        ClinicalKnowledge.InteractionRow row = knowledge.clinical.interactionById.get(ia.id());
        boolean inducer = p != null ? p.effect().startsWith("induc")
                : row != null && row.effect() != null && row.effect().startsWith("induc");
        String verb = texts.text(l, "advice.verb." + (inducer ? "inducer" : "inhibitor"));
        String target = row == null ? ia.genes().get(0) : row.actsOn();
        if (l == Lang.EN) {
            target = target.replace(" og ", " and ");
        }
        boolean keepPerpetrator = row != null && !"victim".equals(row.keep());
        String replaced = keepPerpetrator ? drug : perpetratorId;
        List<CheckedAlternative> replacements = alternatives.stream()
                .filter(a -> a.status() != AlternativeStatus.NOT_SUITABLE && a.replaces().equalsIgnoreCase(replaced)
                        && !a.drug().equals(drug))
                .toList();
        if (variant >= 1 && replacements.size() > 2) {
            replacements = replacements.subList(0, 2);
        }
        String with = replacements.isEmpty() ? "" : texts.text(l, "advice.interaction.replace.with", "alternatives",
                texts.join(replacements.stream().map(a -> a.name().in(l == Lang.NB ? "nb" : "en")).toList(), l,
                        "list.or"));
        String action;
        if (row == null) {
            action = texts.text(l, "advice.interaction.generic", "perpetrator", perpetrator, "drug",
                    texts.drug(drug, l));
        } else {
            action = switch (row.advice()) {
                case "avoid-combination" -> keepPerpetrator && ("perpetrator".equals(row.keep()) || !with.isEmpty())
                        ? texts.text(l, "advice.interaction.replaceVictim", "drug", texts.drug(drug, l), "with", with)
                        : "victim".equals(row.keep())
                        ? texts.text(l, "advice.interaction.replace", "perpetrator", perpetrator, "drug",
                        texts.drug(drug, l), "with", with)
                        : texts.text(l, "advice.interaction.avoid", "perpetrator", perpetrator);
                case "reduce-dose" -> doseWords != null ? doseWords
                        : texts.text(l, "advice.interaction.reduce", "drug", texts.drug(drug, l));
                case "monitor" -> doseWords != null ? doseWords : texts.text(l, "advice.interaction.monitor");
                default -> texts.text(l, "advice.interaction.replace", "perpetrator", perpetrator, "drug",
                        texts.drug(drug, l), "with", with);
            };
        }
        if (p != null && head != null && variant < 2) {
            return texts.text(l, "advice.headline.interaction", "Drug", d, "perpetrator", perpetrator, "verb", verb,
                    "gene", target, "drug", texts.drug(drug, l), "effect", effect(head, l), "action", action);
        }
        return texts.text(l, "advice.headline.interaction.short", "Drug", d, "perpetrator", perpetrator, "verb", verb,
                "gene", target, "action", action);
    }

    private String effect(Finding head, Lang l) {
        String c = head == null ? null : head.consequence();
        if (c == null) {
            return texts.text(l, "advice.interaction.effect.changed");
        }
        if (c.startsWith("reduced") || c.equals("no-effect-expected")) {
            return texts.text(l, "advice.interaction.effect.lessEffect");
        }
        if (c.startsWith("increased") || c.endsWith("-risk")) {
            return texts.text(l, "advice.interaction.effect.moreExposure");
        }
        return texts.text(l, "advice.interaction.effect.changed");
    }

    private String testAction(Finding f, Lang l) {
        Knowledge.TestAction a = testAction(f);
        if (a != null) {
            return l == Lang.NB ? a.testNb() : a.testEn();
        }
        Knowledge.TestRule t = knowledge.tests.get(f.recommendationId());
        String gene = t == null ? String.join("/", f.lookupKey().keySet())
                : t.allele() == null ? t.gene() : t.gene() + t.allele();
        String requirement = t == null ? "required" : t.requirement();
        String key = switch (requirement) {
            case "recommended" -> "advice.action.TEST_RECOMMENDED";
            case "information" -> "advice.action.TEST_INFORMATION";
            default -> "advice.action.TEST_REQUIRED";
        };
        return texts.text(l, key, "gene", gene);
    }

    /** The patient's result in a few words: "CYP2C19 langsom omsetter", "CYP2D6 fungerer som langsom omsetter". */
    private String resultWords(Finding f, Map<String, GeneResult> results, Map<String, Phenoconversion> conversions,
                               Lang l) {
        List<String> parts = new ArrayList<>();
        List<String> untested = new ArrayList<>();
        for (Map.Entry<String, String> e : f.phenotypes().entrySet()) {
            String gene = e.getKey();
            if (GeneResult.NO_RESULT.equals(e.getValue())) {
                untested.add(gene);
                continue;
            }
            if (conversions.containsKey(gene) && f.phenoconverted()) {
                parts.add(texts.text(l, "advice.result.converted", "gene", gene, "phenotype",
                        phenotypeWords(gene, results, l)));
            } else {
                String key = f.lookupKey().get(gene);
                parts.add(texts.geneWords(gene, key != null && key.contains(" positive") || key != null
                        && key.contains(" negative") ? key : e.getValue(), e.getValue(), l));
            }
        }
        if (parts.isEmpty()) {
            untested.forEach(g -> parts.add(texts.text(l, "gene.notTested", "gene", g)));
        }
        return String.join(texts.text(l, "advice.result.joiner"), parts);
    }

    private String phenotypeWords(String gene, Map<String, GeneResult> results, Lang l) {
        GeneResult r = results.get(gene);
        if (r == null || r.state() == no.pgx.engine.ResultState.NOT_TESTED) {
            return texts.text(l, "gene.notTested", "gene", gene).substring(gene.length()).trim();
        }
        String words = texts.geneWords(gene, r.lookupKey(), r.phenotype(), l);
        return words.startsWith(gene + " ") ? words.substring(gene.length() + 1) : words;
    }

    // ------------------------------------------------------------------ detail

    private String detail(Lang l, String drug, Finding head, List<Finding> ranked, Candidate ia, Phenoconversion p,
                          List<Dose> doses, List<CheckedAlternative> alternatives, Map<String, GeneResult> results,
                          Map<String, Phenoconversion> conversions, OrderedDrug order, String causedBy,
                          List<String> genes, List<Candidate> secondaries) {
        StringBuilder d = new StringBuilder(700);
        d.append(resultLines(l, genes, results, conversions, ranked)).append("\n\n");
        if (causedBy != null) {
            d.append(texts.text(l, "advice.detail.newOrder", "drug", texts.drug(drug, l), "perpetrator",
                    texts.drug(causedBy, l), "gene", p != null ? p.gene() : String.join("/", genes))).append("\n\n");
        }
        List<Finding> tests = ranked.stream().filter(f -> f.action() == Action.TEST_REQUIRED).toList();
        List<Finding> advice = ranked.stream().filter(f -> f.action() != Action.TEST_REQUIRED).toList();
        if (ia != null) {
            d.append(interactionBlock(l, drug, ia, false)).append('\n');
            if (!advice.isEmpty()) {
                d.append(blocks(l, drug, advice, doses, order, p != null ? p : keepFor(ia), results)).append('\n');
            }
        } else {
            for (Finding t : tests) {
                d.append(testBlock(l, t)).append('\n');
            }
            if (!advice.isEmpty()) {
                d.append(blocks(l, drug, advice, doses, order, null, results)).append('\n');
            }
        }
        for (Candidate s : secondaries) {
            d.append(interactionBlock(l, drug, s, true)).append('\n');
        }
        Set<String> consequences = new LinkedHashSet<>();
        for (Finding f : advice) {
            String c = texts.phrase(f.consequence(), l);
            if (c != null && f.action() != Action.STANDARD_DOSE && f.action() != Action.NO_RECOMMENDATION) {
                consequences.add(c);
            }
        }
        if (!consequences.isEmpty()) {
            d.append(texts.text(l, "advice.detail.why", "consequence",
                    FindingTexts.capitalise(String.join("; ", consequences)))).append('\n');
        }
        String alt = alternativesBlock(l, drug, alternatives, p);
        if (!alt.isEmpty()) {
            d.append('\n').append(alt);
        }
        String links = links(l, ranked);
        if (!links.isEmpty()) {
            d.append('\n').append(links);
        }
        return paragraphs(d.toString().strip());
    }

    /**
     * Markdown joins lines that are not separated by a blank line into one paragraph: every line that is not an item
     * of a list ("- …" after "- …") becomes its own paragraph, so "**Why:**", "**Alternatives:**" and the links each
     * start on a line of their own when rendered.
     */
    static String paragraphs(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean previousItem = false;
        boolean previousBlank = true;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                if (!previousBlank) {
                    out.append("\n\n");
                }
                previousBlank = true;
                previousItem = false;
                continue;
            }
            boolean item = line.startsWith("- ");
            if (!previousBlank) {
                out.append(item && previousItem ? "\n" : "\n\n");
            }
            out.append(line);
            previousBlank = false;
            previousItem = item;
        }
        return out.toString().strip();
    }

    private String resultLines(Lang l, List<String> genes, Map<String, GeneResult> results,
                               Map<String, Phenoconversion> conversions, List<Finding> ranked) {
        boolean converted = ranked.isEmpty() || ranked.stream().anyMatch(Finding::phenoconverted);
        List<String> lines = new ArrayList<>();
        for (String gene : genes) {
            GeneResult r = results.get(gene);
            Phenoconversion p = converted ? conversions.get(gene) : null;
            if (r == null || r.state() == no.pgx.engine.ResultState.NOT_TESTED) {
                lines.add(texts.text(l, "advice.detail.result.notTested", "gene", gene));
                continue;
            }
            if (p != null) {
                GeneResult g = p.genotypePredicted();
                String predicted = String.join(", ", resultParts(g, l, false));
                String perp = texts.drug(p.perpetrator(), l);
                lines.add(texts.text(l, "advice.detail.result.converted", "gene", gene, "predicted", predicted,
                        "functional", phenotypeLabel(gene, p.functional(), l, false), "perpetrator", perp, "verb",
                        texts.text(l, "advice.verb." + (p.effect().startsWith("induc") ? "inducer" : "inhibitor"))));
                continue;
            }
            List<String> parts = resultParts(r, l, true);
            String line = texts.text(l, "advice.detail.result.line", "gene", gene, "parts", String.join(", ", parts));
            lines.add(line.replace(gene + " \\*", gene + "\\*"));
        }
        return texts.text(l, "advice.detail.result", "lines", String.join("; ", lines));
    }

    /**
     * @param r a gene result
     * @return the diplotype as an advice's result line shows it: the normalised spelling, except where that has words
     *         (rsID genotypes: "rs9923231 reference (C)/…"), where the lab's own spelling is shown. Caches of advice
     *         texts key on this value.
     */
    public static String shownDiplotype(GeneResult r) {
        if (r.diplotype() == null) {
            return null;
        }
        return r.diplotype().contains(" ") && r.diplotypeAsWritten() != null ? r.diplotypeAsWritten() : r.diplotype();
    }

    private List<String> resultParts(GeneResult r, Lang l, boolean withBasis) {
        List<String> parts = new ArrayList<>(5);
        if (r.diplotype() != null) {
            // the normalised spelling of rsID genotypes has words ("rs9923231 reference (C)/…"): show the lab's
            // as the caller wrote it, so escaped: it must render as itself, never as markup (unescaped, the stars of
            // "*2/*2" render as emphasis)
            parts.add(MarkdownText.text(shownDiplotype(r)));
        }
        if (r.activityScore() != null && !r.activityScore().isBlank()) {
            parts.add(texts.text(l, "detail.patient.score", "score", FindingTexts.number(r.activityScore(), l)));
        }
        parts.add(phenotypeLabel(r.gene(), r, l, true));
        if (withBasis) {
            parts.add(texts.text(l, "advice.detail.result.predicted"));
        }
        Provenance prov = r.provenance();
        if (prov != null && prov.testDate() != null) {
            parts.add(texts.text(l, "advice.detail.result.tested", "date", prov.testDate().toString()));
        }
        if (prov != null && prov.lab() != null && !prov.lab().isBlank()) {
            parts.add(texts.text(l, "advice.detail.result.lab", "lab", MarkdownText.text(prov.lab())));
        }
        return parts;
    }

    /** The phenotype in words; in Bokmål with the CPIC term beside it once (docs/clinical-rules.md#norwegian-wording). */
    private String phenotypeLabel(String gene, GeneResult r, Lang l, boolean withTerm) {
        String words = texts.geneWords(gene, r.lookupKey(), r.phenotype(), l);
        words = words.startsWith(gene) ? words.substring(gene.length()).trim() : words;
        if (l == Lang.NB && withTerm && r.phenotype() != null && !words.equalsIgnoreCase(r.phenotype())
                && r.phenotype().matches("[A-Z][a-z]+( [A-Z][a-z]+)*")) {
            words += " (" + r.phenotype() + ")";
        }
        return words;
    }

    /**
     * One block per distinct piece of advice, labelled with every source, population and strength that gives it;
     * when the advice rests on an interaction the blocks say what the sources advise for the functional phenotype,
     * without their grades (graded for genotypes, not for the interaction).
     */
    private String blocks(Lang l, String drug, List<Finding> findings, List<Dose> doses, OrderedDrug order,
                          Phenoconversion interaction, Map<String, GeneResult> results) {
        Map<String, List<Finding>> bySentence = new LinkedHashMap<>();
        Finding algorithm = findings.stream().filter(this::algorithm).findFirst().orElse(null);
        if (algorithm != null) {
            List<Finding> combined = new ArrayList<>();
            List<String> table = new ArrayList<>();
            combined.add(algorithm);
            for (Finding f : findings) {
                if (f != algorithm && f.action() == Action.REDUCE_DOSE && f.dosePercent() != null) {
                    combined.add(f);
                    for (Map.Entry<String, String> e : f.lookupKey().entrySet()) {
                        String gene = e.getKey();
                        GeneResult r = results.get(gene);
                        String genotype = r == null ? e.getValue() : r.diplotype() != null && !r.diplotype().contains(" ")
                                ? r.diplotype() : texts.geneWords(gene, r.lookupKey(), r.phenotype(), l)
                                .substring(gene.length()).trim();
                        table.add(gene + " " + genotype + " " + range(f.dosePercent(), l) + " %");
                    }
                }
            }
            String sentence = sentence(l, drug, algorithm, doses, order);
            if (!table.isEmpty()) {
                sentence += " " + texts.text(l, "advice.sentence.algorithm.table", "doses", String.join(", ", table));
            }
            bySentence.put(sentence, combined);
            for (Finding f : findings) {
                if (!combined.contains(f)) {
                    bySentence.computeIfAbsent(sentence(l, drug, f, doses, order), k -> new ArrayList<>()).add(f);
                }
            }
        } else {
            for (Finding f : findings) {
                bySentence.computeIfAbsent(sentence(l, drug, f, doses, order), k -> new ArrayList<>()).add(f);
            }
        }
        StringBuilder b = new StringBuilder();
        if (interaction != null) {
            String gene = interaction.gene();
            b.append(texts.text(l, "advice.detail.interaction.keep", "perpetrator",
                    texts.drug(interaction.perpetrator(), l), "source", sources(findings), "phenotype",
                    phenotypeWords(gene, results, l), "sentence", "")).append('\n');
        }
        for (Map.Entry<String, List<Finding>> e : bySentence.entrySet()) {
            b.append("- ").append(texts.text(l, "advice.detail.block", "labels", labels(l, e.getValue(),
                    interaction == null), "sentence", e.getKey())).append('\n');
        }
        return b.toString().stripTrailing();
    }

    private static String sources(List<Finding> findings) {
        Set<String> s = new LinkedHashSet<>();
        findings.forEach(f -> s.add(f.source().label()));
        return String.join("/", s);
    }

    private String labels(Lang l, List<Finding> group, boolean withStrength) {
        Map<String, List<String>> bySource = new LinkedHashMap<>();
        for (Finding f : group) {
            List<String> parts = bySource.computeIfAbsent(f.source().label(), s -> new ArrayList<>());
            String population = f.population().id().equals("general") ? null
                    : populationShort(f.population().id(), l);
            String strength = withStrength ? texts.strength(f.strength().label(), l) : "";
            String part;
            if (population != null && !strength.isEmpty()) {
                part = texts.text(l, "advice.detail.label.part", "population", population, "strength", strength);
            } else {
                part = population != null ? population : strength;
            }
            if (!part.isEmpty() && !parts.contains(part)) {
                parts.add(part);
            }
        }
        List<String> out = new ArrayList<>();
        bySource.forEach((source, parts) -> out.add(parts.isEmpty() ? source
                : texts.text(l, "advice.detail.label", "source", source, "parts", String.join("; ", parts))));
        return String.join(texts.text(l, "advice.detail.label.join"), out);
    }

    private String populationShort(String key, Lang l) {
        Knowledge.Population p = knowledge.populations.get(key);
        return p == null ? key : l == Lang.NB ? p.shortNb() : p.shortEn();
    }

    /** What one finding advises, in one or two sentences (no consequence: said once below). */
    private String sentence(Lang l, String drug, Finding f, List<Dose> doses, OrderedDrug order) {
        String name = texts.drug(drug, l);
        List<String> notes = notes(f);
        StringBuilder s = new StringBuilder();
        if (algorithm(f)) {
            return texts.text(l, "advice.sentence.algorithm", "drug", name, "genes",
                    texts.join(List.copyOf(f.lookupKey().keySet()), l, "list.and"));
        }
        String dose = doseWords(f, doses, drug, l, true);
        switch (f.action()) {
            case AVOID, CONSIDER_ALTERNATIVE -> {
                s.append(texts.text(l, "advice.sentence." + f.action(), "drug", name));
                String fallback = doseWords(f, doses, drug, l, false);
                if (fallback != null) {
                    s.append(' ').append(texts.text(l, "advice.sentence.fallback", "drug", name, "dose", fallback));
                } else if (notes.contains("fixed-mg-dose") && notes.contains("if-no-alternative")) {
                    s.append(' ').append(texts.text(l, "advice.sentence.fallback.mg", "drug", name));
                }
            }
            case REDUCE_DOSE, INCREASE_DOSE -> s.append(dose != null ? FindingTexts.capitalise(dose) + "."
                    : texts.text(l, "advice.sentence." + f.action()));
            case MONITOR -> {
                if (notes.contains("measure-enzyme-activity")) {
                    s.append(texts.text(l, "advice.sentence.measure"));
                } else {
                    s.append(dose != null ? FindingTexts.capitalise(dose) + "." : texts.text(l,
                            "advice.sentence.MONITOR"));
                }
            }
            default -> s.append(texts.text(l, "advice.sentence." + f.action(), "drug", name));
        }
        List<String> extra = new ArrayList<>();
        boolean doseFactsGiven = doses.stream().anyMatch(d -> d.recommendationId().equals(f.recommendationId()));
        for (String n : notes) {
            switch (n) {
                case "starting-dose", "if-no-alternative", "measure-enzyme-activity", "fixed-mg-dose" -> {
                    if (n.equals("fixed-mg-dose") && !doseFactsGiven && !notes.contains("if-no-alternative")) {
                        extra.add(texts.phrase(n, l));
                    }
                }
                case "maintenance-dose" -> {
                    if (dose == null) {
                        extra.add(texts.text(l, "advice.dose.maintenance.only"));
                    }
                }
                case "max-dose-limit" -> {
                    if (!doseFactsGiven) {
                        extra.add(texts.phrase(n, l));
                    }
                }
                case "conditional" -> {
                    if (!doseFactsGiven) {
                        extra.add(texts.phrase(n, l));
                    }
                }
                case "indication-dependent", "if-malignancy" -> {
                    if (order.indication() == null) {
                        extra.add(n.equals("if-malignancy") ? texts.phrase(n, l)
                                : texts.text(l, "advice.sentence.indicationUnknown").replaceAll("\\.$", ""));
                    }
                }
                default -> {
                    String p = texts.phrase(n, l);
                    if (p != null) {
                        extra.add(p);
                    }
                }
            }
        }
        extra.removeIf(x -> x == null || x.isEmpty());
        if (!extra.isEmpty()) {
            s.append(' ').append(FindingTexts.capitalise(String.join("; ", extra))).append('.');
        }
        return s.toString();
    }

    private String interactionBlock(Lang l, String drug, Candidate ia, boolean secondary) {
        ClinicalKnowledge.InteractionRow row = knowledge.clinical.interactionById.get(ia.id());
        String basis;
        String reason;
        String perpetrator = ia.perpetrator() == null ? "" : texts.drug(ia.perpetrator(), l);
        if (row == null) {
            basis = texts.text(l, "advice.basis.policy");
            reason = FindingTexts.capitalise(perpetrator) + " " + texts.text(l, "advice.verb.inhibitor") + " "
                    + ia.genes().get(0);
        } else {
            basis = texts.text(l, "advice.basis." + row.basis(), "source", shortSource(row.source()));
            reason = FindingTexts.capitalise(l == Lang.NB ? row.reasonNb() : row.reasonEn());
        }
        return texts.text(l, secondary ? "advice.detail.interaction.also" : "advice.detail.interaction", "basis",
                basis, "reason", reason.replaceAll("\\.$", ""));
    }

    /** The document a source column names, without its notes ("SmPC tamoxifen 4.4/4.5 (EU text: …)" → first part). */
    static String shortSource(String source) {
        if (source == null) {
            return "";
        }
        String s = source;
        for (String cut : List.of(" (", ";")) {
            int i = s.indexOf(cut);
            if (i > 0) {
                s = s.substring(0, i);
            }
        }
        return s.trim();
    }

    /** For interaction advice without a phenoconversion: who must be kept when the advice is not followed. */
    private Phenoconversion keepFor(Candidate ia) {
        return null;
    }

    /** AVOID 40+, CONSIDER_ALTERNATIVE 30+, REDUCE_DOSE 20+, MONITOR 10+; plus 3/2/1 by the row's severity. */
    private int interactionSeverity(Candidate c) {
        ClinicalKnowledge.InteractionRow row = knowledge.clinical.interactionById.get(c.id());
        int s = switch (c.action()) {
            case "AVOID" -> 4;
            case "CONSIDER_ALTERNATIVE" -> 3;
            case "REDUCE_DOSE" -> 2;
            default -> 1;
        };
        return s * 10 + (row == null ? 0 : row.severity().equals("contraindicated") ? 3
                : row.severity().equals("not-recommended") ? 2 : 1);
    }

    private String testBlock(Lang l, Finding f) {
        Knowledge.TestAction a = testAction(f);
        if (a != null) {
            return texts.text(l, "advice.detail.test", "requirement", texts.text(l, "advice.detail.test."
                    + a.requirement()), "authority", f.source().label(), "jurisdiction", "", "action",
                    FindingTexts.capitalise(testAction(f, l)), "reason", FindingTexts.capitalise(l == Lang.NB
                            ? a.reasonNb() : a.reasonEn()).replaceAll("\\.$", ""), "document", "");
        }
        Knowledge.TestRule t = knowledge.tests.get(f.recommendationId());
        if (t == null) {
            return f.summary().in(l == Lang.NB ? "nb" : "en");
        }
        String document = t.document() == null ? "" : texts.text(l, "advice.detail.test.document", "document",
                t.document(), "section", t.section() == null ? "" : " " + t.section());
        return texts.text(l, "advice.detail.test", "requirement", texts.text(l, "advice.detail.test." + t.requirement()),
                "authority", t.source(), "jurisdiction", t.jurisdiction() == null ? "" : ", " + t.jurisdiction(),
                "action", FindingTexts.capitalise(testAction(f, l)), "reason",
                FindingTexts.capitalise(l == Lang.NB ? t.reasonNb() : t.reasonEn()).replaceAll("\\.$", ""),
                "document", document);
    }

    private String alternativesBlock(Lang l, String drug, List<CheckedAlternative> alternatives, Phenoconversion p) {
        StringBuilder b = new StringBuilder();
        Map<String, List<CheckedAlternative>> byReplaced = new LinkedHashMap<>();
        List<CheckedAlternative> rejected = new ArrayList<>();
        for (CheckedAlternative a : alternatives) {
            if (a.status() == AlternativeStatus.NOT_SUITABLE) {
                rejected.add(a);
            } else {
                byReplaced.computeIfAbsent(a.replaces(), k -> new ArrayList<>()).add(a);
            }
        }
        String lang = l == Lang.NB ? "nb" : "en";
        byReplaced.forEach((replaced, list) -> {
            List<String> items = new ArrayList<>();
            for (CheckedAlternative a : list) {
                List<String> notes = new ArrayList<>();
                if (a.scope() != null) {
                    notes.add(a.scope().in(lang));
                }
                a.reasons().forEach(r -> notes.add(r.in(lang)));
                items.add(texts.text(l, "advice.detail.alternative", "name", a.name().in(lang), "notes",
                        notes.isEmpty() ? "" : texts.text(l, "advice.detail.alternative.notes", "notes",
                                String.join("; ", notes))));
            }
            String list2 = String.join(", ", items);
            b.append(replaced.equals(drug) ? texts.text(l, "advice.detail.alternatives", "list", list2)
                    : texts.text(l, "advice.detail.alternatives.perpetrator", "perpetrator", texts.drug(replaced, l),
                    "list", list2)).append('\n');
        });
        if (!rejected.isEmpty()) {
            List<String> items = new ArrayList<>();
            for (CheckedAlternative a : rejected) {
                items.add(texts.text(l, "advice.detail.alternative", "name", a.name().in(lang), "notes",
                        texts.text(l, "advice.detail.alternative.notes", "notes", String.join("; ",
                                a.reasons().stream().map(r -> r.in(lang)).toList()))));
            }
            b.append(texts.text(l, "advice.detail.rejected", "list", String.join(", ", items))).append('\n');
        }
        return b.toString().stripTrailing();
    }

    private String links(Lang l, List<Finding> ranked) {
        Map<String, GuidelineRef> refs = new LinkedHashMap<>();
        for (Finding f : ranked) {
            GuidelineRef g = f.guideline();
            if (g != null && g.url() != null) {
                refs.putIfAbsent(g.url(), g);
            }
        }
        if (refs.isEmpty()) {
            return "";
        }
        List<String> links = new ArrayList<>();
        for (GuidelineRef g : refs.values()) {
            links.add(texts.text(l, "advice.detail.link", "source", g.source().label(), "version", no.pgx.engine.GuidelineRef.displayVersion(g.version()),
                    "url", g.url()));
        }
        return texts.text(l, "advice.detail.links", "links", String.join(" · ", links));
    }

    private LocalizedText basisLabel(AdviceBasis basis, Candidate ia, Finding head) {
        if (basis == AdviceBasis.INTERACTION) {
            ClinicalKnowledge.InteractionRow row = knowledge.clinical.interactionById.get(ia.id());
            if (row == null) {
                return new LocalizedText(texts.text(Lang.EN, "advice.basis.policy"),
                        texts.text(Lang.NB, "advice.basis.policy"));
            }
            return new LocalizedText(texts.text(Lang.EN, "advice.basis." + row.basis(), "source", row.source()),
                    texts.text(Lang.NB, "advice.basis." + row.basis(), "source", row.source()));
        }
        if (basis == AdviceBasis.TEST_BEFORE_START) {
            Knowledge.TestRule t = knowledge.tests.get(head.recommendationId());
            String s = t == null ? head.source().label() : t.source() + (t.document() == null ? "" : ": " + t.document());
            return new LocalizedText(s, s);
        }
        return null;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
