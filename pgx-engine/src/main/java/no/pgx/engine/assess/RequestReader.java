package no.pgx.engine.assess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Note;
import no.pgx.engine.Problem;
import no.pgx.rules.model.OrderedDrug;
import no.pgx.engine.assess.text.FindingTexts;

/**
 * First step of an assessment: reads the request into what the rules need. Resolves the ordered drugs (names, trade
 * names, codes; local routes and combination products with guideline advice for the substance alone become notes,
 * not orders), their indications, the medication list with start dates, conditions, population, age and weight (out of
 * range: a problem, then ignored), ancestry and sources. Thread-safe.
 */
final class RequestReader {
    private final Knowledge knowledge;
    private final DrugResolver drugs;
    private final FindingTexts texts;
    private final Set<String> defaultSources;
    /** Drug names as resolved by the catalog (no patient data: names of drugs). */
    private final Cache<String, DrugResolver.Resolution> resolutions;

    RequestReader(Knowledge knowledge, DrugResolver drugs, FindingTexts texts, Set<String> defaultSources,
                  long cacheSize) {
        this.knowledge = knowledge;
        this.drugs = drugs;
        this.texts = texts;
        this.defaultSources = Set.copyOf(defaultSources.isEmpty() ? Knowledge.SOURCES : defaultSources);
        this.resolutions = Caffeine.newBuilder().maximumSize(Math.max(1_000, Math.min(cacheSize, 100_000))).build();
    }

    /**
     * What the engine takes from a request.
     *
     * @param orderDate   the order date (today when the request gives none)
     * @param ordered     the ordered drugs the knowledge base has rules for, or every drug for {@code allDrugs}
     * @param orderedIds  every drug id the order names certainly contain, also those without rules
     * @param indications the condition id of each ordered drug whose order states an indication
     * @param medications drugs the patient certainly takes
     * @param started     the earliest start date of each medication, by drug id
     * @param population  the population id, or null when unknown (an unknown id is a problem)
     * @param ageYears    a plausible age, or null
     * @param weightKg    a plausible weight, or null
     * @param conditions  condition ids of the patient's conditions
     * @param ancestry    ancestry groups, normalised ({@code han-chinese})
     * @param sources     the recommendation sources to show
     */
    record Read(LocalDate orderDate, List<String> ordered, Set<String> orderedIds, Map<String, String> indications,
                Set<String> medications, Map<String, LocalDate> started, String population, Integer ageYears,
                Double weightKg, Set<String> conditions, Set<String> ancestry, Set<String> sources) {
    }

    /**
     * Reads the request; bad parts become problems (and are left out), information becomes notes.
     *
     * @param problems receives the request's problems
     * @param notes    receives notes (local routes, combination products, possible ingredients)
     */
    Read read(AssessmentRequest request, List<Problem> problems, List<Note> notes) {
        LocalDate orderDate = request.orderDate() != null ? request.orderDate() : LocalDate.now();
        Set<String> medications = resolveMedications(request.medications());
        Map<String, LocalDate> started = startDates(request.medicationUses());
        Set<String> orderedIds = new LinkedHashSet<>();
        Map<String, String> indications = new HashMap<>();
        List<String> ordered = request.allDrugs() ? List.copyOf(knowledge.drugIds())
                : resolveDrugs(request, problems, notes, orderedIds, indications);
        String population = population(request.population(), problems);
        Integer age = request.ageYears();
        if (age != null && (age < 0 || age > 130)) {
            problems.add(new Problem(null, "ageYears", "Age " + age + " years is not plausible; age is ignored"));
            age = null;
        }
        Double weight = request.weightKg();
        if (weight != null && (weight.isNaN() || weight < 0.3 || weight > 400)) {
            problems.add(new Problem(null, "weightKg", "Weight " + weight + " kg is not plausible; weight is ignored"));
            weight = null;
        }
        Set<String> conditions = resolveConditions(request.conditions(), problems);
        Set<String> sources = request.sources().isEmpty() ? defaultSources : normalise(request.sources(), problems);
        return new Read(orderDate, ordered, orderedIds, indications, medications, started, population, age, weight,
                conditions, ancestry(request.ancestry()), sources);
    }

    /**
     * @param resolved    receives every drug id the names certainly contain, also those without rules (a perpetrator
     *                    such as rifampicin is co-medication for the other ordered drugs)
     * @param indications receives the condition id of each ordered drug whose order states an indication
     * @return the ordered drugs that the knowledge base has rules for (orders by a local route left out)
     */
    private List<String> resolveDrugs(AssessmentRequest request, List<Problem> problems, List<Note> notes,
                                      Set<String> resolved, Map<String, String> indications) {
        Map<String, no.pgx.engine.DrugOrder> orderByName = new HashMap<>();
        for (no.pgx.engine.DrugOrder o : request.orders()) {
            orderByName.putIfAbsent(o.drug(), o);
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String name : request.drugs()) {
            no.pgx.engine.DrugOrder order = orderByName.get(name);
            String route = order == null ? null : order.route();
            DrugResolver.Resolution r = route == null ? resolve(name) : drugs.resolve(name, route);
            if (!r.resolved()) {
                problems.add(new Problem(null, "drug", "Unknown drug '" + name + "'"
                        + (r.message().isEmpty() ? "" : ": " + r.message())));
                continue;
            }
            if (r.topical()) {
                // docs/clinical-rules.md: topical and other local routes never trigger a test or a card (one route classifier,
                // the terminology module's, for the engine, the CLI and the service)
                List<String> local = new ArrayList<>(r.ids());
                local.addAll(r.possibleIds());
                for (String id : local) {
                    String where = route == null ? name : route;
                    notes.add(new Note("local-route", null, id, new LocalizedText(
                            texts.text(FindingTexts.Lang.EN, "advice.notes.localRoute", "drug",
                                    FindingTexts.capitalise(drugs.nameEn(id)), "route", where),
                            texts.text(FindingTexts.Lang.NB, "advice.notes.localRoute", "drug",
                                    FindingTexts.capitalise(drugs.nameNb(id)), "route", where))));
                }
                continue;
            }
            resolved.addAll(r.ids());
            for (String id : r.ids()) {
                List<Knowledge.AdviceScope> scopes = knowledge.monotherapyOnly(id);
                // the substance as part of a combination: the order itself, or the patient's combination product
                // that this order completes (Kalydeco in the evening beside Kaftrio in the morning)
                DrugResolver.Resolution combination = scopes.isEmpty() ? null : r.combination() ? r
                        : request.medications().stream().map(this::resolve)
                        .filter(m -> m.combination() && m.ids().contains(id)).findFirst().orElse(null);
                if (combination == null) {
                    ids.add(id);
                } else {
                    notes.add(monotherapyNote(name, id, combination, scopes));  // docs/clinical-rules.md
                }
            }
            if (!r.possibleIds().isEmpty()) {
                ids.addAll(r.possibleIds());
                notes.add(new Note("possible-ingredient", null, String.join(",", r.possibleIds()), new LocalizedText(
                        "'" + name + "' may contain " + r.possibleIds() + "; assessed as if it does"
                                + (r.message().isEmpty() ? "" : " (" + r.message() + ")"),
                        texts.text(FindingTexts.Lang.NB, "advice.notes.possible", "name", name, "drugs",
                                String.join(", ", r.possibleIds().stream().map(drugs::nameNb).toList())))));
            }
            if (order != null && order.indication() != null) {
                ClinicalKnowledge.ConditionMatch m = knowledge.clinical.condition(order.indication());
                if (m.ids().isEmpty()) {
                    problems.add(new Problem(null, "indication", "Indication '" + order.indication() + "' of '" + name
                            + "': " + m.problem() + "; the indication is treated as unknown"));
                } else if (m.ambiguous()) {
                    problems.add(new Problem(null, "indication", "Indication '" + order.indication() + "' of '"
                            + name + "' is a code of both ICD-10 and ICPC-2 (" + m.ids() + "): give the code system "
                            + "(icd10:, icpc2:, snomed:); the indication is treated as unknown"));
                } else {
                    // the most specific condition that selects a recommendation population, else the most specific
                    String condition = m.ids().stream().filter(c -> knowledge.clinical.populationOf(c) != null).findFirst()
                            .orElse(m.ids().get(0));
                    r.ids().forEach(id -> indications.put(id, condition));
                    r.possibleIds().forEach(id -> indications.put(id, condition));
                }
            }
        }
        ids.retainAll(knowledge.drugIds());
        return List.copyOf(ids);
    }

    /**
     * A combination product whose ingredient has guideline advice for the substance alone (clinical/advice-scope.csv):
     * no advice on the product, and a note that says why.
     */
    private Note monotherapyNote(String name, String id, DrugResolver.Resolution r, List<Knowledge.AdviceScope> scopes) {
        List<String> partsEn = new ArrayList<>();
        List<String> partsNb = new ArrayList<>();
        for (String other : r.ids()) {
            if (!other.equals(id)) {
                partsEn.add(drugs.nameEn(other));
                partsNb.add(drugs.nameNb(other));
            }
        }
        partsEn.addAll(r.others());
        partsNb.addAll(r.others());
        String reasonEn = String.join("; ", scopes.stream().map(Knowledge.AdviceScope::reasonEn).toList());
        String reasonNb = String.join("; ", scopes.stream().map(Knowledge.AdviceScope::reasonNb).toList());
        return new Note("monotherapy-advice", null, id, new LocalizedText(
                texts.text(FindingTexts.Lang.EN, "advice.notes.monotherapy", "name", name, "drug",
                        drugs.nameEn(id), "others", String.join(", ", partsEn), "reason", reasonEn),
                texts.text(FindingTexts.Lang.NB, "advice.notes.monotherapy", "name", name, "drug",
                        drugs.nameNb(id), "others", String.join(", ", partsNb), "reason", reasonNb)));
    }

    /**
     * Drugs the patient certainly takes. A medication that may contain a drug does not make that drug "not new", and a
     * medication the catalog does not know is ignored without a problem: the catalog holds every rule drug and every
     * known perpetrator, so an unknown name can change neither a finding nor a test requirement (a misspelt rule drug
     * keeps "test before start", the safe side).
     */
    private Set<String> resolveMedications(List<String> names) {
        Set<String> ids = new HashSet<>();
        for (String name : names) {
            ids.addAll(resolve(name).ids());
        }
        return ids;
    }

    private DrugResolver.Resolution resolve(String name) {
        return resolutions.get(name == null ? "" : name, drugs::resolve);
    }

    private String population(String population, List<Problem> problems) {
        if (population == null || population.isBlank()) {
            return null;
        }
        String key = population.trim();
        if (knowledge.populations.containsKey(key)) {
            return key;
        }
        for (String k : knowledge.populations.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return k;
            }
        }
        problems.add(new Problem(null, "population", "Unknown population '" + population + "' (known: "
                + String.join(", ", knowledge.populations.keySet()) + "); every population is shown"));
        return null;
    }

    private static Set<String> normalise(Set<String> sources, List<Problem> problems) {
        Set<String> out = new HashSet<>();
        for (String s : sources) {
            String n = s.trim().toUpperCase(Locale.ROOT);
            if (!Knowledge.SOURCES.contains(n)) {
                problems.add(new Problem(null, "sources", "Unknown recommendation source '" + s + "' (use CPIC or DPWG)"));
            }
            out.add(n);
        }
        return out;
    }

    /** The earliest start date of each medication, by drug id. */
    private Map<String, LocalDate> startDates(List<no.pgx.engine.MedicationUse> uses) {
        if (uses.isEmpty()) {
            return Map.of();
        }
        Map<String, LocalDate> out = new HashMap<>();
        for (no.pgx.engine.MedicationUse u : uses) {
            if (u.startDate() != null) {
                for (String id : resolve(u.name()).ids()) {
                    out.merge(id, u.startDate(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return out;
    }

    /**
     * The order of each drug: the ordered ones with their indication (and the population it selects when the request
     * names none), then the current medication assessed again.
     *
     * @param all the ordered drugs ({@code in.ordered()}) followed by the current medication assessed again
     */
    Map<String, OrderedDrug> orders(AssessmentRequest request, Read in, List<String> all) {
        Map<String, OrderedDrug> orders = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            String drug = all.get(i);
            String indication = i < in.ordered().size() ? in.indications().get(drug) : null;
            String orderPopulation = in.population();
            String selected = indication == null ? null : knowledge.clinical.populationOf(indication);
            if (selected != null && request.population() == null) {
                orderPopulation = selected;
            }
            LocalDate start = in.started().get(drug);
            orders.put(drug, new OrderedDrug(drug, !in.medications().contains(drug), false, orderPopulation,
                    indication, start == null ? null
                    : (int) java.time.temporal.ChronoUnit.DAYS.between(start, in.orderDate()),
                    start == null ? null : monthsTaken(start, in.orderDate())));
        }
        return orders;
    }

    /** Whole calendar months from start to order date, plus one when days more have passed. */
    static int monthsTaken(LocalDate start, LocalDate orderDate) {
        java.time.Period p = java.time.Period.between(start, orderDate);
        int months = p.getYears() * 12 + p.getMonths();
        return p.getDays() > 0 ? months + 1 : months;
    }

    /** Condition ids of the patient's conditions; unknown ones are problems. Null input: empty (unknown). */
    private Set<String> resolveConditions(List<String> conditions, List<Problem> problems) {
        if (conditions == null || conditions.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String c : conditions) {
            ClinicalKnowledge.ConditionMatch m = knowledge.clinical.condition(c);
            if (m.ids().isEmpty()) {
                problems.add(new Problem(null, "conditions", "Condition '" + c + "': " + m.problem()));
            }
            out.addAll(m.ids());
        }
        return out;
    }

    private static Set<String> ancestry(Set<String> groups) {
        if (groups.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String g : groups) {
            if (g != null && !g.isBlank()) {
                out.add(g.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-"));
            }
        }
        return out;
    }
}
