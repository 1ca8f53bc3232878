package no.pgx.report;

import java.util.Map;

/** The report's fixed wording in Bokmål and English, written by this project. */
final class Texts {
    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("title", new String[] {"Farmakogenetisk pasientrapport", "Pharmacogenomic patient report"}),
            Map.entry("intro", new String[] {"Dette er en oversikt over gentester som påvirker hvordan kroppen din omsetter"
                    + " enkelte legemidler. Resultatet gjelder hele livet. Vis rapporten eller kortet til lege, tannlege"
                    + " og apotek når du får et nytt legemiddel.",
                    "This is a summary of gene tests that affect how your body handles some medicines. The result is"
                            + " lifelong. Show this report or the card to your doctor, dentist and pharmacist when you"
                            + " get a new medicine."}),
            Map.entry("patient", new String[] {"Pasient", "Patient"}),
            Map.entry("generated", new String[] {"Laget", "Made"}),
            Map.entry("knowledge", new String[] {"Kunnskapsgrunnlag", "Knowledge base"}),
            Map.entry("lab", new String[] {"Laboratoriesvar", "Lab results"}),
            Map.entry("gene", new String[] {"Gen", "Gene"}),
            Map.entry("diplotype", new String[] {"Genotype", "Genotype"}),
            Map.entry("phenotype", new String[] {"Betydning", "Meaning"}),
            Map.entry("testDate", new String[] {"Testdato", "Test date"}),
            Map.entry("labName", new String[] {"Laboratorium", "Laboratory"}),
            Map.entry("actionable", new String[] {"Resultater som har betydning for legemidler",
                    "Results that matter for medicines"}),
            Map.entry("noActionable", new String[] {"Ingen av resultatene krever endring i legemiddelbehandlingen.",
                    "None of the results calls for a change in medicines."}),
            Map.entry("drug", new String[] {"Legemiddel", "Medicine"}),
            Map.entry("drugClass", new String[] {"Legemiddelgruppe", "Drug class"}),
            Map.entry("todo", new String[] {"Hva bør gjøres", "What to do"}),
            Map.entry("source", new String[] {"Kilde", "Source"}),
            Map.entry("alternatives", new String[] {"Mulige alternativer", "Possible alternatives"}),
            Map.entry("alsoPossible", new String[] {"Også mulig", "Also possible"}),
            Map.entry("dose", new String[] {"Dose", "Dose"}),
            Map.entry("noDrugs", new String[] {"Ingen legemidler i kunnskapsgrunnlaget krever endring for dette"
                    + " resultatet.", "No medicine in the knowledge base calls for a change for this result."}),
            Map.entry("adviceBasis", new String[] {"Rådene bygger på retningslinjene fra CPIC og DPWG slik de står i"
                    + " kunnskapsgrunnlaget", "The advice rests on the CPIC and DPWG guidelines as held in the"
                    + " knowledge base"}),
            Map.entry("alternativesNote", new String[] {"Alternativene er kontrollert mot genresultatene i denne"
                    + " rapporten. Legen vurderer dem mot resten av behandlingen.", "The alternatives were checked"
                    + " against the gene results in this report. The doctor weighs them against the rest of the"
                    + " treatment."}),
            Map.entry("normal", new String[] {"Også testet, med normalt resultat", "Also tested, normal result"}),
            Map.entry("normalLine", new String[] {"ingen endring i legemiddelbehandling forventet.",
                    "no change in medicines expected."}),
            Map.entry("notes", new String[] {"Ikke lest eller ikke brukt", "Not read or not used"}),
            Map.entry("card", new String[] {"Farmakogenetisk kort", "Pharmacogenomic card"}),
            Map.entry("cardCut", new String[] {"Klipp ut og ha kortet i lommeboka.", "Cut out and keep in your wallet."}),
            Map.entry("cardShow", new String[] {"Vis kortet til lege og apotek.", "Show to your doctor and pharmacist."}),
            Map.entry("cardMore", new String[] {"+ {n} resultater til: se rapporten.",
                    "+ {n} more results: see the report."}),
            Map.entry("cardKnowledge", new String[] {"Kunnskapsgrunnlag", "Knowledge"}),
            Map.entry("cardNone", new String[] {"Ingen handlingsrelevante resultater.", "No actionable results."}),
            Map.entry("disclaimer", new String[] {"Rapporten er laget automatisk fra laboratoriesvaret og offentlige"
                    + " retningslinjer (CPIC, DPWG). Den erstatter ikke en klinisk vurdering.",
                    "This report was made automatically from the lab result and public guidelines (CPIC, DPWG). It"
                            + " does not replace a clinical assessment."}));

    private Texts() {
    }

    static String get(String key, String language) {
        String[] t = TEXTS.get(key);
        return en(language) ? t[1] : t[0];
    }

    static boolean en(String language) {
        return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en");
    }

    /** @return a recommendation's strength in words ({@code Strong} → "sterk"), or null when it has none */
    static String strength(String strength, String language) {
        if (strength == null || strength.isBlank()) {
            return null;
        }
        boolean en = en(language);
        return switch (strength) {
            case "Strong" -> en ? "strong" : "sterk";
            case "Moderate" -> en ? "moderate" : "moderat";
            case "Optional" -> en ? "optional" : "valgfri";
            case "Not graded" -> en ? "not graded" : "ikke gradert";
            case "No recommendation" -> en ? "no recommendation" : "ingen anbefaling";
            default -> strength.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
