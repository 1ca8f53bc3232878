package no.pgx.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import no.pgx.engine.assess.Assessor;
import no.pgx.engine.phenotype.PhenotypeCaller;

/**
 * The embeddable pharmacogenomics engine: calls phenotypes from lab results and assesses ordered drugs against the
 * bundled CPIC and DPWG knowledge.
 *
 * <p>Build one instance with {@link #builder()} at start-up (it loads and compiles nothing at call time) and share it:
 * an engine is immutable and thread-safe. Calls never log patient data.
 *
 * <pre>{@code
 * PgxEngine engine = PgxEngine.builder().build();
 * Assessment a = engine.assess(AssessmentRequest.builder()
 *         .result(GeneInput.diplotype("CYP2C19", "*2/*2"))
 *         .drug("klopidogrel")
 *         .build());
 * for (Finding f : a.findings()) {
 *     System.out.println(f.source().label() + " " + f.population().id() + ": " + f.action());
 * }
 * }</pre>
 *
 * <p>The API is the package {@code no.pgx.engine}; its subpackages are internal.
 */
public final class PgxEngine {
    private final PhenotypeCaller caller;
    private final Assessor assessor;

    private PgxEngine(Builder builder) {
        // The rule base is the longest part of start-up and builds on its own thread: start it before anything else.
        Assessor.preload(builder.classLoader);
        this.caller = PhenotypeCaller.load(builder.cacheSize);
        this.assessor = Assessor.load(builder.classLoader, Set.copyOf(builder.sources), builder.phenoconversion,
                builder.cacheSize, caller);
    }

    /** @return a new builder with the defaults (both sources, phenoconversion on) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Interprets one gene result.
     *
     * @param input the result as reported; not null
     * @return the interpreted result, never null
     * @throws PgxException when the input cannot be interpreted; the message names the gene, allele or field
     */
    public GeneResult call(GeneInput input) {
        Objects.requireNonNull(input, "input");
        return caller.call(input);
    }

    /**
     * Assesses the ordered drugs (or every drug) against the patient's results.
     *
     * <p>Bad parts of the input (an unparseable diplotype, an unknown drug) are reported as {@link Problem}s in the
     * result; the rest is assessed. This method does not throw for patient input.
     *
     * @param request the request; not null
     * @return the assessment, never null
     */
    public Assessment assess(AssessmentRequest request) {
        Objects.requireNonNull(request, "request");
        return assessor.assess(request);
    }

    /** @return the English INN (lower case) of every drug in the knowledge base, sorted */
    public Set<String> drugs() {
        return assessor.drugs();
    }

    /**
     * @return the populations recommendations may apply to, with their labels: the valid values of
     *         {@link AssessmentRequest.Builder#population(String)} and of {@link Finding#population()}
     */
    public List<Population> populations() {
        return Population.known();
    }

    /** @return the version of the bundled knowledge base */
    public String knowledgeVersion() {
        return assessor.knowledgeVersion();
    }

    /** Builder for {@link PgxEngine}; not thread-safe. */
    public static final class Builder {
        private final Set<String> sources = new LinkedHashSet<>(Set.of("CPIC", "DPWG"));
        private boolean phenoconversion = true;
        private long cacheSize = 100_000;
        private ClassLoader classLoader = PgxEngine.class.getClassLoader();

        private Builder() {
        }

        /**
         * Selects the recommendation sources shown by default ({@code CPIC}, {@code DPWG}); each finding is labelled
         * with its source. A request may choose others ({@link AssessmentRequest.Builder#source(String)}).
         *
         * @param names {@code CPIC} and/or {@code DPWG}, case-insensitive, surrounding blanks ignored; none means both
         * @return this builder
         * @throws PgxException (field {@code source}) for an unknown source name
         * @throws NullPointerException when a name is null
         */
        public Builder sources(String... names) {
            sources.clear();
            for (String name : names) {
                String s = name.trim().toUpperCase(Locale.ROOT);
                if (!s.equals("CPIC") && !s.equals("DPWG")) {
                    throw new PgxException(null, "source", "Unknown recommendation source '" + name + "' (use CPIC or DPWG)");
                }
                sources.add(s);
            }
            return this;
        }

        /**
         * Selects the recommendation sources shown by default ({@link GuidelineSource#CPIC},
         * {@link GuidelineSource#DPWG}).
         *
         * @param selected the sources; none means both
         * @return this builder
         * @throws PgxException (field {@code source}) for a source that has no recommendation tables
         * @throws NullPointerException when a source is null
         */
        public Builder sources(GuidelineSource... selected) {
            String[] names = new String[selected.length];
            for (int i = 0; i < selected.length; i++) {
                names[i] = selected[i].label();
            }
            return sources(names);
        }

        /**
         * Turns phenoconversion from co-medication on (default) or off.
         *
         * @param enabled false to assess the genotype-predicted results only
         * @return this builder
         */
        public Builder phenoconversion(boolean enabled) {
            this.phenoconversion = enabled;
            return this;
        }

        /**
         * Maximum number of cached pure computations (phenotype calls, recommendation selections) per cache.
         *
         * @param maximumSize entries per cache (default 100 000); 0 turns these caches off (small fixed-size caches, such
         *                    as drug-name resolutions, stay)
         * @return this builder
         * @throws PgxException (field {@code cacheSize}) when {@code maximumSize} is negative
         */
        public Builder cacheSize(long maximumSize) {
            if (maximumSize < 0) {
                throw new PgxException(null, "cacheSize", "cacheSize must not be negative: " + maximumSize);
            }
            this.cacheSize = maximumSize;
            return this;
        }

        /**
         * Class loader to load the rule base from (needed inside nested-jar launchers such as Spring Boot's).
         *
         * @param classLoader the loader that sees the pgx-rules jar; default: the one that loaded {@link PgxEngine}
         * @return this builder
         * @throws NullPointerException when {@code classLoader} is null
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Loads the knowledge and builds the engine.
         *
         * @return the engine, ready for use
         * @throws PgxException when the bundled knowledge cannot be loaded
         */
        public PgxEngine build() {
            return new PgxEngine(this);
        }
    }
}
