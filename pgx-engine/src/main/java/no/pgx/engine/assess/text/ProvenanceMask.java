package no.pgx.engine.assess.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import no.pgx.engine.GeneResult;
import no.pgx.engine.LocalizedText;
import no.pgx.engine.Provenance;

/**
 * Lets cached findings and advice serve patients whose results differ only in test date and lab. Nearly every new
 * patient has a test date of their own, and the patient lines of a finding's detail and of the advice's detail show
 * it, so texts cached with the date never served a second patient. Texts are therefore written once from results
 * whose date and lab are stand-ins (a date in the year 1000 + the gene's number, a lab of private-use characters
 * around that number: {@code ¤12¦}), cached, and for each patient the stand-ins are replaced by the patient's own date and lab in
 * one pass. The texts are exactly those written from the patient's own results: dates and labs only enter them
 * through the patient lines, as {@code LocalDate.toString()} and as Markdown-escaped text, which is what the
 * replacement inserts; the summary and headline (which are cut to a length) never show them, and a text that does
 * is not reused ({@link #marked}). Results whose lab could interact with the surrounding text (a star, which the
 * advice's gene-star spelling rule looks for, leading or trailing blanks, the private-use characters) are not masked.
 * Thread-safe.
 */
public final class ProvenanceMask {
    // Latin-1 (texts stay compact) but neither controls (Markdown escaping turns those into blanks) nor used in texts
    private static final char LAB_START = '\u00A4';
    private static final char LAB_END = '\u00A6';
    private static final int FIRST_YEAR = 1000;
    private static final int MAX_GENES = 999;
    private static final Map<String, Integer> NUMBERS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** What a masked patient line keeps of a date or lab that is shown: only that it is shown. */
    public static final LocalDate SHOWN_DATE = LocalDate.MIN;
    /** What a masked patient line keeps of a lab that is shown: only that it is shown. */
    public static final String SHOWN_LAB = String.valueOf(LAB_START);

    private ProvenanceMask() {
    }

    /** @return the result's gene number for its stand-ins, or -1 when the result cannot be masked */
    static int number(GeneResult r) {
        Provenance p = r.provenance();
        if (p != null && p.lab() != null && !p.lab().isBlank()) {
            String lab = p.lab();
            if (!lab.equals(lab.strip()) || lab.indexOf('*') >= 0 || lab.indexOf(LAB_START) >= 0
                    || lab.indexOf(LAB_END) >= 0) {
                return -1;
            }
        }
        int n = NUMBERS.computeIfAbsent(r.gene(), g -> NEXT.getAndIncrement());
        return n < MAX_GENES ? n : -1;
    }

    /** @return whether the result shows a test date in its patient lines */
    static boolean dateShown(GeneResult r) {
        return r.provenance() != null && r.provenance().testDate() != null;
    }

    /** @return whether the result shows a lab in its patient lines */
    static boolean labShown(GeneResult r) {
        return r.provenance() != null && r.provenance().lab() != null && !r.provenance().lab().isBlank();
    }

    /**
     * @param results the patient's result per gene
     * @return the results with stand-ins for the shown dates and labs, and what replaces each stand-in; null when a
     *         result cannot be masked. Both are made on first use of a gene (one ordered drug reads one or two of a
     *         15-gene panel).
     */
    public static Masked mask(Map<String, GeneResult> results) {
        int[] numbers = new int[results.size()];
        int i = 0;
        int max = -1;
        for (GeneResult r : results.values()) {
            int n = number(r);
            if (n < 0) {
                return null;
            }
            numbers[i++] = n;
            max = Math.max(max, n);
        }
        GeneResult[] byNumber = new GeneResult[max + 1];
        i = 0;
        for (GeneResult r : results.values()) {
            byNumber[numbers[i++]] = r;
        }
        return new Masked(results, byNumber);
    }

    /**
     * Results with stand-ins ({@link #results()}) and the patient's own rendered date and lab per gene number, each
     * made when first needed. Not thread-safe: one per assessment.
     */
    public static final class Masked {
        private final Map<String, GeneResult> own;
        private final GeneResult[] byNumber;
        private final String[] dates;
        private final String[] labs;
        private final Map<String, GeneResult> masked = new HashMap<>();
        private final Map<String, GeneResult> results = new java.util.AbstractMap<>() {
            @Override
            public GeneResult get(Object gene) {
                return gene instanceof String g ? result(g) : null;
            }

            @Override
            public boolean containsKey(Object gene) {
                return own.containsKey(gene);
            }

            @Override
            public int size() {
                return own.size();
            }

            @Override
            public java.util.Set<Map.Entry<String, GeneResult>> entrySet() {
                Map<String, GeneResult> all = new java.util.LinkedHashMap<>();
                own.keySet().forEach(g -> all.put(g, result(g)));
                return java.util.Collections.unmodifiableMap(all).entrySet();
            }
        };

        private Masked(Map<String, GeneResult> own, GeneResult[] byNumber) {
            this.own = own;
            this.byNumber = byNumber;
            this.dates = new String[byNumber.length];
            this.labs = new String[byNumber.length];
        }

        /** @return the patient's results with stand-ins for the dates and labs they show (a read-only view) */
        public Map<String, GeneResult> results() {
            return results;
        }

        private GeneResult result(String gene) {
            GeneResult m = masked.get(gene);
            if (m == null) {
                GeneResult r = own.get(gene);
                if (r == null) {
                    return null;
                }
                m = standIn(r);
                masked.put(gene, m);
            }
            return m;
        }

        private static GeneResult standIn(GeneResult r) {
            boolean date = dateShown(r);
            boolean lab = labShown(r);
            if (!date && !lab) {
                return r;
            }
            int n = number(r);
            Provenance p = r.provenance();
            return r.toBuilder().provenance(new Provenance(p.sourceId(),
                    date ? LocalDate.of(FIRST_YEAR + n, 1, 1) : null, lab ? LAB_START + Integer.toString(n) + LAB_END
                    : p.lab(), p.testedVariants())).build();
        }

        /** @return the patient's rendered test date for the gene number, or null when none is shown */
        private String ownDate(int n) {
            if (n < 0 || n >= dates.length || byNumber[n] == null) {
                return null;
            }
            if (dates[n] == null && dateShown(byNumber[n])) {
                dates[n] = byNumber[n].provenance().testDate().toString();
            }
            return dates[n];
        }

        /** @return the patient's rendered lab for the gene number, or null when none is shown */
        private String ownLab(int n) {
            if (n < 0 || n >= labs.length || byNumber[n] == null) {
                return null;
            }
            if (labs[n] == null && labShown(byNumber[n])) {
                labs[n] = MarkdownText.text(byNumber[n].provenance().lab());
            }
            return labs[n];
        }

        /** @return the text with every stand-in replaced; null when a stand-in has no value (not this patient's) */
        String fill(Template t) {
            if (t.refs.length == 0) {
                return t.text;
            }
            if (t.broken) {
                return null;
            }
            // substrings and one join: block copies (a char-by-char copy into one array was slower in measured rounds)
            String[] pieces = new String[2 * t.refs.length + 1];
            for (int i = 0; i < t.refs.length; i++) {
                int ref = t.refs[i];
                String value = ref >= 0 ? ownDate(ref) : ownLab(-ref - 1);
                if (value == null) {
                    return null;
                }
                pieces[2 * i] = t.text.substring(t.starts[i], t.ends[i]);
                pieces[2 * i + 1] = value;
            }
            int last = t.refs.length;
            pieces[2 * last] = t.text.substring(t.starts[last], t.ends[last]);
            return String.join("", pieces);
        }

        /** @return the text in both languages with the stand-ins replaced; null when one has no value */
        LocalizedText fill(LocalizedText text, Template en, Template nb) {
            if (en.refs.length == 0 && nb.refs.length == 0) {
                return text;
            }
            String e = fill(en);
            String n = fill(nb);
            return e == null || n == null ? null : new LocalizedText(e, n);
        }
    }

    /**
     * A text with stand-ins, split once (when it is cached) into its literal parts and the stand-ins between them, so
     * that filling it for a patient does not scan the text again. The parts are ranges of the text (no copies: a
     * cached text is held once).
     */
    public static final class Template {
        final String text;
        /** Where each literal part starts and ends in {@link #text}: one more part than {@link #refs}. */
        final int[] starts;
        final int[] ends;
        /** The stand-ins in order: {@code n >= 0} the test date of gene number n, {@code n < 0} the lab of -n-1. */
        final int[] refs;
        /** A lab stand-in without its end: cannot be filled. */
        final boolean broken;

        private Template(String text, int[] starts, int[] ends, int[] refs, boolean broken) {
            this.text = text;
            this.starts = starts;
            this.ends = ends;
            this.refs = refs;
            this.broken = broken;
        }

        static Template of(String text) {
            int lab = text.indexOf(LAB_START);
            int date = date(text, 0);
            if (lab < 0 && date < 0) {
                return new Template(text, new int[] {0}, new int[] {text.length()}, new int[0], false);
            }
            List<int[]> parts = new ArrayList<>();
            List<Integer> refs = new ArrayList<>();
            int copied = 0;
            while (lab >= 0 || date >= 0) {
                if (lab >= 0 && (date < 0 || lab < date)) {
                    int close = text.indexOf(LAB_END, lab);
                    int n = close < 0 ? -1 : parse(text, lab + 1, close);
                    if (n < 0 || n >= MAX_GENES) {
                        return new Template(text, new int[] {0}, new int[] {text.length()}, new int[] {0}, true);
                    }
                    parts.add(new int[] {copied, lab});
                    refs.add(-n - 1);
                    copied = close + 1;
                } else {
                    parts.add(new int[] {copied, date});
                    refs.add(parse(text, date, date + 4) - FIRST_YEAR);
                    copied = date + 10;
                }
                if (lab >= 0 && lab < copied) {
                    lab = text.indexOf(LAB_START, copied);
                }
                if (date >= 0 && date < copied) {
                    date = date(text, copied);
                }
            }
            parts.add(new int[] {copied, text.length()});
            int[] starts = new int[parts.size()];
            int[] ends = new int[parts.size()];
            for (int i = 0; i < parts.size(); i++) {
                starts[i] = parts.get(i)[0];
                ends[i] = parts.get(i)[1];
            }
            return new Template(text, starts, ends, refs.stream().mapToInt(Integer::intValue).toArray(), false);
        }
    }

    /**
     * Findings written with stand-ins, with their details split into {@link Template}s once (kept with them in the
     * cache); {@code fillable} is false when a summary shows a stand-in (summaries are not filled).
     */
    public static final class Findings {
        private final List<no.pgx.engine.Finding> templates;
        private final Template[] en;
        private final Template[] nb;
        private final boolean fillable;

        private Findings(List<no.pgx.engine.Finding> templates) {
            this.templates = templates;
            this.en = new Template[templates.size()];
            this.nb = new Template[templates.size()];
            boolean ok = true;
            for (int i = 0; i < templates.size(); i++) {
                no.pgx.engine.Finding t = templates.get(i);
                ok &= !marked(t.summary());
                en[i] = Template.of(t.detail().en());
                nb[i] = Template.of(t.detail().nb());
            }
            this.fillable = ok;
        }

        /**
         * @param templates findings written with stand-ins
         * @return the findings, ready to be filled for each patient
         */
        public static Findings of(List<no.pgx.engine.Finding> templates) {
            return new Findings(templates);
        }

        /** @return the findings with stand-ins */
        public List<no.pgx.engine.Finding> templates() {
            return templates;
        }

        /**
         * @param masked the patient's stand-ins and what replaces them
         * @return the findings with every text filled for the patient; null when one cannot be
         */
        public List<no.pgx.engine.Finding> fill(Masked masked) {
            if (!fillable) {
                return null;
            }
            List<no.pgx.engine.Finding> out = new ArrayList<>(templates.size());
            for (int i = 0; i < templates.size(); i++) {
                no.pgx.engine.Finding t = templates.get(i);
                LocalizedText detail = masked.fill(t.detail(), en[i], nb[i]);
                if (detail == null) {
                    return null;
                }
                out.add(detail == t.detail() ? t : t.withDetail(detail));
            }
            return out;
        }
    }

    /** @return whether the text holds a stand-in */
    static boolean marked(LocalizedText text) {
        return text != null && (marked(text.en()) || marked(text.nb()));
    }

    private static boolean marked(String s) {
        return s != null && (s.indexOf(LAB_START) >= 0 || date(s, 0) >= 0);
    }

    /** @return where the first stand-in date at or after {@code from} starts, or -1 */
    private static int date(String s, int from) {
        for (int i = s.indexOf("-01-01", from + 4); i >= 0; i = s.indexOf("-01-01", i + 1)) {
            int start = i - 4;
            int year = parse(s, start, i);
            if (year >= FIRST_YEAR && year < FIRST_YEAR + MAX_GENES
                    && (start == 0 || !Character.isDigit(s.charAt(start - 1)))) {
                return start;
            }
        }
        return -1;
    }

    /** @return the non-negative number written in s[from, to), or -1 */
    private static int parse(String s, int from, int to) {
        if (to <= from || to - from > 4) {
            return -1;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * Advice written from findings with stand-ins, and whether its stand-ins are all in the detail (the only text
     * {@link #fill(MaskedAdvice, Masked, Map)} replaces them in).
     */
    public record MaskedAdvice(no.pgx.engine.DrugAdvice advice, boolean reusable, Template en, Template nb) {
        /**
         * @param a advice written from findings with stand-ins, or null
         * @return the advice with whether it can be reused
         */
        public static MaskedAdvice of(no.pgx.engine.DrugAdvice a) {
            if (a == null) {
                return new MaskedAdvice(null, false, null, null);
            }
            boolean reusable = !marked(a.headline()) && !marked(a.basisLabel()) && !marked(a.name());
            List<no.pgx.engine.CheckedAlternative> all = new ArrayList<>(a.alternatives());
            all.addAll(a.rejectedAlternatives());
            for (no.pgx.engine.CheckedAlternative c : all) {
                reusable &= !marked(c.name()) && !marked(c.scope()) && c.reasons().stream().noneMatch(ProvenanceMask::marked);
            }
            return new MaskedAdvice(a, reusable, Template.of(a.detail().en()), Template.of(a.detail().nb()));
        }
    }

    /**
     * @param m          the advice with stand-ins
     * @param masked     the stand-ins and what replaces them
     * @param byTemplate the patient's finding for each finding with stand-ins the advice was written from (by identity)
     * @return the advice for the patient; null when it cannot be filled
     */
    public static no.pgx.engine.DrugAdvice fill(MaskedAdvice m, Masked masked,
                                         Map<no.pgx.engine.Finding, no.pgx.engine.Finding> byTemplate) {
        no.pgx.engine.DrugAdvice t = m.advice();
        if (!m.reusable()) {
            return null;
        }
        LocalizedText detail = masked.fill(t.detail(), m.en(), m.nb());
        if (detail == null) {
            return null;
        }
        List<no.pgx.engine.Finding> findings = new ArrayList<>(t.findings().size());
        for (no.pgx.engine.Finding f : t.findings()) {
            no.pgx.engine.Finding own = byTemplate.get(f);
            if (own == null) {
                return null;
            }
            findings.add(own);
        }
        no.pgx.engine.DrugAdvice.Builder b = no.pgx.engine.DrugAdvice.builder()
                .drug(t.drug(), t.name())
                .action(t.action(), t.indicator())
                .basis(t.basis(), t.basisLabel())
                .text(t.headline(), detail)
                .findings(findings)
                .doseFacts(t.doseFacts())
                .conditional(t.conditional(), t.oneClickDose())
                .interaction(t.perpetrator())
                .causedBy(t.causedBy())
                .genes(t.genes())
                .sources(t.sources());
        t.alternatives().forEach(b::alternative);
        t.rejectedAlternatives().forEach(b::alternative);
        return b.build();
    }
}
