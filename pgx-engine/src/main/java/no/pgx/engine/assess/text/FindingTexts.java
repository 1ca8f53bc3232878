package no.pgx.engine.assess.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import no.pgx.engine.PgxException;
import no.pgx.terminology.genetics.PhenotypeVocabulary;
import no.pgx.engine.assess.DrugResolver;
import no.pgx.engine.assess.Knowledge;

/**
 * Writes finding texts in English and Bokmål from structured fields through the message templates
 * ({@code messages_en.properties}, {@code messages_nb.properties}). Drug names come from the drug catalog, phenotype
 * labels from the phenotype vocabulary (fixed Norwegian labels), consequences and dose notes from
 * {@code consequences.csv}. Thread-safe.
 */
public final class FindingTexts {
    static final int SUMMARY_MAX = 140;
    static final String RESOURCE = "no/pgx/engine/assess/messages_%s.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final Pattern TITLE_CASE = Pattern.compile("[A-Z][a-z]+( [A-Z][a-z]+)*");

    /** The two languages, with their template tables. */
    public enum Lang {
        /** English. */
        EN,
        /** Norwegian Bokmål. */
        NB
    }

    /** A summary and whether it had to be cut (never for the shipped rows: tested). */
    record Summary(String text, boolean truncated) {
    }

    private final Map<Lang, Properties> templates = new java.util.EnumMap<>(Lang.class);
    private final Map<Lang, Map<String, Template>> compiled = new java.util.EnumMap<>(Lang.class);
    private final Map<String, String[]> drugNames = new ConcurrentHashMap<>();
    private final DrugResolver drugs;
    private final PhenotypeVocabulary vocabulary;
    private final Knowledge knowledge;
    private final Map<String, String> nbLabels = new ConcurrentHashMap<>();

    /**
     * @param knowledge  the knowledge tables (phrases, lookup keys)
     * @param drugs      drug names in both languages
     * @param vocabulary phenotype labels
     * @param loader     the loader of the message templates
     */
    public FindingTexts(Knowledge knowledge, DrugResolver drugs, PhenotypeVocabulary vocabulary, ClassLoader loader) {
        this.knowledge = knowledge;
        this.drugs = drugs;
        this.vocabulary = vocabulary;
        for (Lang l : Lang.values()) {
            Properties p = load(loader, String.format(RESOURCE, l.name().toLowerCase(Locale.ROOT)));
            templates.put(l, p);
            Map<String, Template> c = new java.util.HashMap<>();
            p.stringPropertyNames().forEach(k -> c.put(k, Template.of(p.getProperty(k))));
            compiled.put(l, Map.copyOf(c));
        }
    }

    private static Properties load(ClassLoader loader, String resource) {
        Properties p = new Properties();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new PgxException("Message templates " + resource + " are not on the class path", null);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PgxException("Cannot read message templates " + resource, e);
        }
        return p;
    }

    // ------------------------------------------------------------------ words

    /**
     * @param l      the language
     * @param key    the template key
     * @param values names and values, alternating ({@code "drug", "klopidogrel"})
     * @return the template filled with the values; unknown placeholders stay as written
     */
    public String text(Lang l, String key, String... values) {
        Template t = compiled.get(l).get(key);
        if (t == null) {
            throw new PgxException("Message template '" + key + "' missing for " + l, null);
        }
        return t.fill(values);
    }

    /** A template split into literal text and placeholder names once, so that filling it is plain concatenation. */
    private record Template(String[] literals, String[] names, int length) {
        static Template of(String text) {
            List<String> literals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(text);
            int last = 0;
            while (m.find()) {
                literals.add(text.substring(last, m.start()));
                names.add(m.group(1));
                last = m.end();
            }
            literals.add(text.substring(last));
            int length = 0;
            for (String l : literals) {
                length += l.length();
            }
            return new Template(literals.toArray(String[]::new), names.toArray(String[]::new), length);
        }

        String fill(String... values) {
            // sized for the literals and the values given, so that the builder never grows (texts are most of the
            // allocation of an assessment)
            int size = length;
            for (int j = 1; j < values.length; j += 2) {
                size += values[j] == null ? 0 : values[j].length();
            }
            StringBuilder b = new StringBuilder(size + 16);
            b.append(literals[0]);
            for (int i = 0; i < names.length; i++) {
                String v = null;
                boolean found = false;
                for (int j = 0; j + 1 < values.length; j += 2) {
                    if (values[j].equals(names[i])) {
                        v = values[j + 1];
                        found = true;
                        break;
                    }
                }
                b.append(found ? (v == null ? "" : v) : "{" + names[i] + "}").append(literals[i + 1]);
            }
            return b.toString();
        }
    }

    boolean has(Lang l, String key) {
        return templates.get(l).containsKey(key);
    }

    /** @return the systemic ATC codes of a drug id */
    List<String> atc(String id) {
        return drugs.atc(id);
    }

    String drug(String id, Lang l) {
        String[] names = drugNames.computeIfAbsent(id, d -> new String[] {drugs.nameEn(d), drugs.nameNb(d)});
        return l == Lang.NB ? names[1] : names[0];
    }

    /** @return the drug names joined as a list with "or" / "eller"; combinations ({@code a+b}) as "a + b" */
    String drugList(List<String> ids, Lang l) {
        List<String> names = new ArrayList<>(ids.size());
        for (String id : ids) {
            List<String> parts = new ArrayList<>();
            for (String p : id.split("\\+")) {
                parts.add(drug(p.trim(), l));
            }
            names.add(String.join(" + ", parts));
        }
        return join(names, l, "list.or");
    }

    String join(List<String> items, Lang l, String lastKey) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(text(l, "list.comma"), items.subList(0, items.size() - 1)) + text(l, lastKey)
                + items.get(items.size() - 1);
    }

    /** @return the phenotype term in words: lower-case English, or the fixed Norwegian label */
    String phenotype(String term, Lang l) {
        if (term == null) {
            return "";
        }
        if (l == Lang.EN) {
            return TITLE_CASE.matcher(term).matches() ? term.toLowerCase(Locale.ROOT) : term;
        }
        return nbLabels.computeIfAbsent(term, t -> {
            try {
                return vocabulary.norwegianLabel(t);
            } catch (RuntimeException e) {
                return phenotype(t, Lang.EN);
            }
        });
    }

    /**
     * @param gene      the gene
     * @param value     the table value or patient key ({@code Poor Metabolizer}, {@code 1.0}, {@code *57:01 positive},
     *                  {@code diplotype:*1/*3}, {@code No Result})
     * @param phenotype the phenotype term when known (patient's), else null: derived from the vocabulary
     * @return the gene and its result in words ({@code CYP2C19 poor metabolizer}, {@code HLA-B*57:01 påvist})
     */
    String geneWords(String gene, String value, String phenotype, Lang l) {
        if (value == null || value.equals("No Result")) {
            return text(l, "gene.notTested", "gene", gene);
        }
        if (value.startsWith("diplotype:")) {
            return text(l, "gene.diplotype", "gene", gene, "value", value.substring(10));
        }
        if (value.startsWith("function:")) {
            String[] f = value.substring(9).split("/");
            List<String> words = new ArrayList<>();
            for (String x : f) {
                words.add(phenotype(x, l).toLowerCase(Locale.ROOT));
            }
            return text(l, "gene.function", "gene", gene, "value", String.join("/", words));
        }
        String term = value.startsWith("phenotype:") ? value.substring(10) : phenotype;
        Knowledge.KeyInfo k = knowledge.key(gene, value);
        if ("allele-status".equals(knowledge.kind(gene)) && value.matches("\\*\\S+ (positive|negative)")) {
            String[] p = value.split(" ");
            return text(l, "gene.allele", "gene", gene, "allele", p[0], "status", text(l, "status." + p[1]));
        }
        if (term == null) {
            term = k != null ? k.phenotype() : value;
        }
        String words = phenotype(term, l);
        return words.contains(gene) ? words : gene + " " + words;
    }

    String strength(String strength, Lang l) {
        if (strength == null || strength.isBlank()) {
            return "";
        }
        String key = "strength." + strength;
        return has(l, key) ? text(l, key) : strength.toLowerCase(Locale.ROOT);
    }

    String phrase(String key, Lang l) {
        Knowledge.Phrase p = key == null ? null : knowledge.phrases.get(key);
        if (p == null) {
            return null;
        }
        return l == Lang.NB ? p.nb() : p.en();
    }

    // ------------------------------------------------------------------ summary

    /**
     * Fits the summary into {@value #SUMMARY_MAX} characters: the first action phrase (with dose and alternatives)
     * with the consequence, then the action phrases without the consequence from longest to shortest, then without the
     * source; cut only as a last resort (never for the shipped rows: FindingTextTest).
     *
     * @param actions action phrases, longest first (with alternatives, with dose, bare)
     */
    Summary summary(Lang l, String drug, String genes, List<String> actions, String consequence, String source,
                    String strength) {
        String d = capitalise(drug);
        String tail = strength.isEmpty() ? "" : text(l, "strength.separator") + strength;
        List<String> tries = new ArrayList<>(6);
        if (consequence != null) {
            tries.add(text(l, "summary.full", "drug", d, "genes", genes, "action", actions.get(0), "consequence",
                    capitalise(consequence), "source", source, "strength", tail));
        }
        for (String action : actions) {
            tries.add(text(l, "summary.short", "drug", d, "genes", genes, "action", action, "source", source,
                    "strength", tail));
        }
        tries.add(text(l, "summary.minimal", "drug", d, "genes", genes, "action", actions.get(actions.size() - 1)));
        for (String t : tries) {
            if (t.length() <= SUMMARY_MAX) {
                return new Summary(t, false);
            }
        }
        String last = tries.get(tries.size() - 1);
        return new Summary(last.substring(0, SUMMARY_MAX - 1) + "…", true);
    }

    /** @return a number as written in the language: decimal comma in Bokmål ({@code 1,25}, {@code ≥3,0}) */
    static String number(String value, Lang l) {
        if (value == null || l != Lang.NB) {
            return value;
        }
        return DECIMAL_POINT.matcher(value).replaceAll("$1,$2");
    }

    private static final Pattern DECIMAL_POINT = Pattern.compile("(\\d)\\.(\\d)");

    /**
     * @param s a text, or null
     * @return the text with its first letter in upper case
     */
    public static String capitalise(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
