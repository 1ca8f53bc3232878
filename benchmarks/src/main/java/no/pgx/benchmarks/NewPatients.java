package no.pgx.benchmarks;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.Provenance;

/**
 * A reproducible stream of distinct patients, none of which an engine or service has seen before: patient number
 * {@code n} has its own id ({@code pt-n}), test date, lab, birth date, 15-gene panel (drawn with realistic frequencies,
 * {@link Population}), active medications and draft orders. Whole 15-gene panels never repeat within a stream (when a
 * patient draws a panel an earlier patient has, they draw again: at 100,000 patients about 0.7 % do), so no whole request repeats even
 * where the input has no test date (the CLI's); single gene results repeat as in a real population.
 *
 * <p>Patient {@code n} depends only on the seed and {@code n} (and on the panels before it only through the redraw), so
 * two streams over disjoint number ranges give disjoint patient ids. Not thread-safe.
 */
final class NewPatients {
    static final long SEED = 20261204L;
    /** Tests were done over eleven years by one of four labs: about 6 patients share a lab and day per 100,000. */
    private static final LocalDate FIRST_TEST = LocalDate.of(2015, 1, 1);
    private static final int TEST_DAYS = (int) ChronoUnit.DAYS.between(FIRST_TEST, LocalDate.of(2026, 1, 1));
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1930, 1, 1);
    private static final int BIRTH_DAYS = (int) ChronoUnit.DAYS.between(FIRST_BIRTH, LocalDate.of(2006, 1, 1));
    /** Age is computed on this day, so that the stream does not depend on the clock. */
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final List<String> LABS = List.of("Senter for psykofarmakologi, Diakonhjemmet sykehus",
            "Avdeling for medisinsk biokjemi, Oslo universitetssykehus",
            "Avdeling for medisinsk genetikk, St. Olavs hospital",
            "Laboratorium for klinisk biokjemi, Haukeland universitetssjukehus");

    /** A drug as a record names it: the catalog's English INN, its ATC code, and a product text. */
    record Drug(String name, String atc, String text, int weight) {
    }

    /**
     * Drugs a GP or hospital doctor orders for which the knowledge base has rules, weighted roughly by how often they
     * are started (illustrative weights, not prescribing statistics). ATC codes as in the drug catalog.
     */
    static final List<Drug> ORDERS = List.of(
            new Drug("atorvastatin", "C10AA05", "atorvastatin 20 mg tablett", 12),
            new Drug("simvastatin", "C10AA01", "simvastatin 20 mg tablett", 10),
            new Drug("metoprolol", "C07AB02", "metoprolol 50 mg depottablett", 8),
            new Drug("omeprazole", "A02BC01", "omeprazol 20 mg enterokapsel", 8),
            new Drug("clopidogrel", "B01AC04", "klopidogrel 75 mg tablett", 6),
            new Drug("escitalopram", "N06AB10", "escitalopram 10 mg tablett", 6),
            new Drug("sertraline", "N06AB06", "sertralin 50 mg tablett", 6),
            new Drug("pantoprazole", "A02BC02", "pantoprazol 40 mg enterotablett", 6),
            new Drug("ibuprofen", "M01AE01", "ibuprofen 400 mg tablett", 6),
            new Drug("codeine", "R05DA04", "kodein 25 mg tablett", 5),
            new Drug("citalopram", "N06AB04", "citalopram 20 mg tablett", 4),
            new Drug("amitriptyline", "N06AA09", "amitriptylin 10 mg tablett", 4),
            new Drug("tramadol", "N02AX02", "tramadol 50 mg kapsel", 4),
            new Drug("rosuvastatin", "C10AA07", "rosuvastatin 10 mg tablett", 4),
            new Drug("ondansetron", "A04AA01", "ondansetron 4 mg tablett", 3),
            new Drug("warfarin", "B01AA03", "warfarin 2,5 mg tablett", 2),
            new Drug("celecoxib", "M01AH01", "celekoksib 200 mg kapsel", 2),
            new Drug("allopurinol", "M04AA01", "allopurinol 100 mg tablett", 2),
            new Drug("venlafaxine", "N06AX16", "venlafaksin 75 mg depotkapsel", 2),
            new Drug("quetiapine", "N05AH04", "quetiapin 25 mg tablett", 2),
            new Drug("tamoxifen", "L02BA01", "tamoksifen 20 mg tablett", 1),
            new Drug("paroxetine", "N06AB05", "paroksetin 20 mg tablett", 1),
            new Drug("capecitabine", "L01BC06", "kapecitabin 500 mg tablett", 1),
            new Drug("azathioprine", "L04AX01", "azatioprin 50 mg tablett", 1),
            new Drug("atomoxetine", "N06BA09", "atomoksetin 40 mg kapsel", 1),
            new Drug("aripiprazole", "N05AX12", "aripiprazol 10 mg tablett", 1),
            new Drug("nortriptyline", "N06AA10", "nortriptylin 25 mg tablett", 1),
            new Drug("lansoprazole", "A02BC03", "lansoprazol 30 mg enterokapsel", 1),
            new Drug("carbamazepine", "N03AF01", "karbamazepin 200 mg tablett", 1));

    /**
     * Current medication: common drugs without rules (the catalog does not know them: they are ignored), rule drugs,
     * and CYP inhibitors that phenoconvert (omeprazole, fluoxetine, paroxetine, bupropion, terbinafine ...).
     */
    static final List<Drug> MEDICATIONS = List.of(
            new Drug("metformin", "A10BA02", "metformin 500 mg tablett", 10),
            new Drug("amlodipine", "C08CA01", "amlodipin 5 mg tablett", 10),
            new Drug("levothyroxine", "H03AA01", "levotyroksin 50 mikrog tablett", 8),
            new Drug("ramipril", "C09AA05", "ramipril 5 mg tablett", 8),
            new Drug("acetylsalicylic acid", "B01AC06", "acetylsalisylsyre 75 mg tablett", 8),
            new Drug("atorvastatin", "C10AA05", "atorvastatin 20 mg tablett", 8),
            new Drug("simvastatin", "C10AA01", "simvastatin 20 mg tablett", 6),
            new Drug("metoprolol", "C07AB02", "metoprolol 50 mg depottablett", 6),
            new Drug("omeprazole", "A02BC01", "omeprazol 20 mg enterokapsel", 6),
            new Drug("pantoprazole", "A02BC02", "pantoprazol 40 mg enterotablett", 4),
            new Drug("sertraline", "N06AB06", "sertralin 50 mg tablett", 3),
            new Drug("escitalopram", "N06AB10", "escitalopram 10 mg tablett", 3),
            new Drug("fluoxetine", "N06AB03", "fluoksetin 20 mg kapsel", 2),
            new Drug("paroxetine", "N06AB05", "paroksetin 20 mg tablett", 1),
            new Drug("bupropion", "N06AX12", "bupropion 150 mg depottablett", 1),
            new Drug("terbinafine", "D01BA02", "terbinafin 250 mg tablett", 1),
            new Drug("clopidogrel", "B01AC04", "klopidogrel 75 mg tablett", 3),
            new Drug("warfarin", "B01AA03", "warfarin 2,5 mg tablett", 2),
            new Drug("codeine", "R05DA04", "kodein 25 mg tablett", 2),
            new Drug("tramadol", "N02AX02", "tramadol 50 mg kapsel", 2),
            new Drug("amitriptyline", "N06AA09", "amitriptylin 10 mg tablett", 2),
            new Drug("allopurinol", "M04AA01", "allopurinol 100 mg tablett", 2));

    /** Number of current medications: 0 to 5, most patients 1 to 3. */
    private static final int[] MEDICATION_COUNT_WEIGHTS = {15, 20, 20, 20, 15, 10};

    /** One patient. {@code diplotypes} follow {@link Population#GENES}. */
    record Patient(long number, String id, String gender, LocalDate birthDate, LocalDate testDate, String lab,
                   String[] diplotypes, List<Drug> orders, List<Drug> medications) {
        int ageYears() {
            return (int) ChronoUnit.YEARS.between(birthDate, TODAY);
        }
    }

    private final Population population = Population.get();
    private final long seed;
    private long next;
    private final Set<Long> panels = new HashSet<>();
    private final int[] pairs = new int[2 * Population.GENES.size()];
    private long redrawn;

    /**
     * @param seed  the stream's seed ({@link #SEED} for the published figures)
     * @param first the number of the first patient (a stream over another range gives other ids)
     */
    NewPatients(long seed, long first) {
        this.seed = seed;
        this.next = first;
    }

    /** @return the next patient: new id, and a panel not given before in this stream */
    Patient next() {
        long n = next++;
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        population.draw(random, pairs);
        while (!panels.add(population.key(pairs))) {
            redrawn++;
            population.draw(random, pairs);
        }
        String[] diplotypes = new String[Population.GENES.size()];
        for (int g = 0; g < diplotypes.length; g++) {
            diplotypes[g] = population.diplotype(g, pairs);
        }
        String gender = random.nextBoolean() ? "female" : "male";
        LocalDate birth = FIRST_BIRTH.plusDays(random.nextInt(BIRTH_DAYS));
        LocalDate test = FIRST_TEST.plusDays(random.nextInt(TEST_DAYS));
        String lab = LABS.get(random.nextInt(LABS.size()));
        List<Drug> meds = new ArrayList<>();
        int count = weighted(random, MEDICATION_COUNT_WEIGHTS);
        while (meds.size() < count) {
            Drug d = pick(random, MEDICATIONS);
            if (!meds.contains(d)) {
                meds.add(d);
            }
        }
        List<Drug> orders = new ArrayList<>(2);
        int orderCount = random.nextInt(5) == 0 ? 2 : 1;  // one draft order, two for one patient in five
        while (orders.size() < orderCount) {
            Drug d = pick(random, ORDERS);
            if (!orders.contains(d) && meds.stream().noneMatch(m -> m.name().equals(d.name()))) {
                orders.add(d);
            }
        }
        return new Patient(n, "pt-" + n, gender, birth, test, lab, diplotypes, List.copyOf(orders), List.copyOf(meds));
    }

    /**
     * Prints patient {@code args[1]} of the stream in the form {@code args[0]}: {@code orderSign}, {@code fhir} or
     * {@code cli} (to look at, or to send with curl).
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: NewPatients orderSign|fhir|cli NUMBER");
            System.exit(2);
        }
        Patient p = new NewPatients(SEED, Long.parseLong(args[1])).next();
        System.out.println(switch (args[0]) {
            case "orderSign" -> orderSign(p, "00000000-0000-4000-8000-000000000000");
            case "fhir" -> fhirBundle(p);
            case "cli" -> cliLine(p);
            default -> throw new IllegalArgumentException("orderSign, fhir or cli, not " + args[0]);
        });
    }

    /** @return how many panels were drawn again because an earlier patient of this stream had them */
    long redrawn() {
        return redrawn;
    }

    /** @return the number the next patient will have */
    long nextNumber() {
        return next;
    }

    private static int weighted(SplittableRandom random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int u = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static Drug pick(SplittableRandom random, List<Drug> drugs) {
        int total = 0;
        for (Drug d : drugs) {
            total += d.weight();
        }
        int u = random.nextInt(total);
        for (Drug d : drugs) {
            u -= d.weight();
            if (u < 0) {
                return d;
            }
        }
        return drugs.get(drugs.size() - 1);
    }

    // ------------------------------------------------------------------ engine inputs

    /** @return the patient's 15 results as the engine gets them from FHIR: with test date and lab */
    static List<GeneInput> panel(Patient p) {
        Provenance provenance = new Provenance(null, p.testDate(), p.lab(), List.of());
        List<GeneInput> out = new ArrayList<>(p.diplotypes().length);
        for (int g = 0; g < p.diplotypes().length; g++) {
            out.add(new GeneInput(Population.GENES.get(g), p.diplotypes()[g], null, null, null, provenance));
        }
        return out;
    }

    /** Every drug of the knowledge base (the re-screening case: no order, no medication list). */
    static AssessmentRequest everyDrug(Patient p) {
        return AssessmentRequest.builder().results(panel(p)).allDrugs().build();
    }

    /** The patient's first draft order, with their current medication and age (the order-sign case). */
    static AssessmentRequest oneOrderedDrug(Patient p) {
        AssessmentRequest.Builder b = AssessmentRequest.builder().results(panel(p)).drug(p.orders().get(0).name())
                .ageYears(p.ageYears());
        p.medications().forEach(m -> b.medication(m.name()));
        return b.build();
    }

    // ------------------------------------------------------------------ JSON texts

    /** @return the patient as one {@code pgx-cli assess --input} line: every drug, results without date (the format has none) */
    static String cliLine(Patient p) {
        StringBuilder s = new StringBuilder(900).append("{\"id\":\"").append(p.id()).append("\",\"results\":{");
        for (int g = 0; g < p.diplotypes().length; g++) {
            s.append(g == 0 ? "" : ",").append('"').append(Population.GENES.get(g)).append("\":{\"diplotype\":\"")
                    .append(p.diplotypes()[g]).append("\"}");
        }
        return s.append("}}").toString();
    }

    /** @return the patient's 15 genotype Observations as a FHIR collection Bundle (JSON) */
    static String fhirBundle(Patient p) {
        StringBuilder s = new StringBuilder(24_000).append("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        observations(s, p);
        return s.append("]}").toString();
    }

    /** HGNC ids of {@link Population#GENES}, in that order. */
    private static final List<String> HGNC = List.of("HGNC:2625", "HGNC:2621", "HGNC:2623", "HGNC:2615", "HGNC:2637",
            "HGNC:2638", "HGNC:3012", "HGNC:12014", "HGNC:23063", "HGNC:10959", "HGNC:12530", "HGNC:74", "HGNC:23663",
            "HGNC:7646", "HGNC:4932");

    private static void observations(StringBuilder s, Patient p) {
        observations(s, p, false);
    }

    /**
     * The patient's 15 genotype Observations. {@code asSent}: as a lab system sends them to the EHR, which passes them
     * on in the prefetch (business identifier, order, issue time, method, specimen, a lab comment and a generated
     * narrative), about 1.5 KB each instead of 0.9 KB; the fields the service and engine read are the same.
     */
    private static void observations(StringBuilder s, Patient p, boolean asSent) {
        for (int g = 0; g < p.diplotypes().length; g++) {
            String id = "gt-" + p.number() + "-" + g;
            String gene = Population.GENES.get(g);
            s.append(g == 0 ? "" : ",")
                    .append("{\"fullUrl\":\"Observation/").append(id).append("\",\"resource\":{")
                    .append("\"resourceType\":\"Observation\",\"id\":\"").append(id).append("\",\"status\":\"final\",")
                    .append("\"meta\":{\"profile\":[\"http://hl7.org/fhir/uv/genomics-reporting/StructureDefinition/genotype\"]},");
            if (asSent) {
                s.append("\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><p><b>")
                        .append(gene).append("</b> genotype: ").append(p.diplotypes()[g]).append("</p><p>Analysert ")
                        .append(p.testDate()).append(", ").append(p.lab()).append("</p></div>\"},")
                        .append("\"identifier\":[{\"system\":\"urn:pgx:benchmark:lab-result\",\"value\":\"")
                        .append(p.testDate().getYear()).append('-').append(p.number()).append('-').append(gene)
                        .append("\"}],\"basedOn\":[{\"reference\":\"ServiceRequest/sr-").append(p.number())
                        .append("\",\"display\":\"Farmakogenetisk panel\"}],");
            }
            s.append("\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"laboratory\"}]}],")
                    .append("\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"laboratory\"}]}],")
                    .append("\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"84413-4\",\"display\":\"Genotype display name\"}]},")
                    .append("\"subject\":{\"reference\":\"Patient/").append(p.id()).append("\"},")
                    .append("\"effectiveDateTime\":\"").append(p.testDate()).append("\",");
            if (asSent) {
                s.append("\"issued\":\"").append(p.testDate().plusDays(3)).append("T10:14:00+01:00\",");
            }
            s.append("\"performer\":[{\"display\":\"").append(p.lab()).append("\"}],")
                    .append("\"valueCodeableConcept\":{\"text\":\"").append(p.diplotypes()[g]).append("\"},")
                    .append("\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"48018-6\",\"display\":\"Gene studied [ID]\"}]},")
                    .append("\"valueCodeableConcept\":{\"coding\":[{\"system\":\"http://www.genenames.org/geneId\",\"code\":\"")
                    .append(HGNC.get(g)).append("\",\"display\":\"").append(gene).append("\"}]}}]");
            if (asSent) {
                s.append(",\"method\":{\"text\":\"Målrettet genotyping (TaqMan), kopitall ved qPCR\"},")
                        .append("\"specimen\":{\"display\":\"EDTA-blod\"},")
                        .append("\"note\":[{\"text\":\"Analysen påviser bare de undersøkte variantene; sjeldne og nye ")
                        .append("varianter kan forekomme. Resultatet gjelder for pasientens levetid.\"}]");
            }
            s.append("}}");
        }
    }

    /**
     * @return a CDS Hooks order-sign request for the patient: 1–2 draft MedicationRequests in the context, and the
     *         prefetch the service asks for (Patient, the 15 genotype Observations as a lab sends them, 0–5 active
     *         MedicationRequests with dates and dosage): 25–28 KB of compact JSON, as {@code order-sign.json}
     */
    static String orderSign(Patient p, String hookInstance) {
        StringBuilder s = new StringBuilder(30_000)
                .append("{\"hook\":\"order-sign\",\"hookInstance\":\"").append(hookInstance).append("\",")
                .append("\"context\":{\"userId\":\"Practitioner/bench\",\"patientId\":\"").append(p.id()).append("\",")
                .append("\"draftOrders\":{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < p.orders().size(); i++) {
            medicationRequest(s.append(i == 0 ? "" : ","), p, "draft-" + i, "draft", p.orders().get(i), false);
        }
        s.append("]}},\"prefetch\":{\"patient\":{\"resourceType\":\"Patient\",\"id\":\"").append(p.id())
                .append("\",\"gender\":\"").append(p.gender()).append("\",\"birthDate\":\"").append(p.birthDate())
                .append("\"},\"pgxResults\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
        observations(s, p, true);
        s.append("]},\"activeMedications\":{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[");
        for (int i = 0; i < p.medications().size(); i++) {
            medicationRequest(s.append(i == 0 ? "" : ","), p, "active-" + i, "active", p.medications().get(i), true);
        }
        return s.append("]},\"medicationStatements\":null}}").toString();
    }

    private static void medicationRequest(StringBuilder s, Patient p, String id, String status, Drug d,
                                          boolean searchset) {
        if (searchset) {
            s.append("{\"fullUrl\":\"MedicationRequest/").append(id).append("\",\"resource\":{");
        } else {
            s.append("{\"resource\":{");
        }
        s.append("\"resourceType\":\"MedicationRequest\",\"id\":\"").append(id).append("\",\"status\":\"")
                .append(status).append("\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/").append(p.id())
                .append("\"},\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"")
                .append(d.atc()).append("\"}],\"text\":\"").append(d.text()).append("\"}");
        if (!searchset) {
            s.append(",\"dosageInstruction\":[{\"text\":\"1 daglig\"}]");
        } else {
            // as an EHR's medication list has them: when and by whom, and the dosage
            s.append(",\"authoredOn\":\"").append(p.testDate().minusDays(200)).append("\",")
                    .append("\"requester\":{\"display\":\"Fastlege\"},")
                    .append("\"dosageInstruction\":[{\"text\":\"1 tablett daglig\",\"timing\":{\"repeat\":")
                    .append("{\"frequency\":1,\"period\":1,\"periodUnit\":\"d\"}}}]");
        }
        s.append("}}");
    }
}
