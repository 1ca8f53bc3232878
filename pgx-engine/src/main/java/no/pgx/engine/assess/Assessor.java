package no.pgx.engine.assess;

import java.util.Set;

import no.pgx.engine.Assessment;
import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.PgxException;
import no.pgx.engine.phenotype.PhenotypeCaller;

/**
 * Internal: evaluates the rule base for an assessment request. Not part of the public API.
 * (Transitional skeleton: replaced by the real implementation.)
 */
public final class Assessor {
    public static Assessor load(ClassLoader classLoader, Set<String> defaultSources, boolean phenoconversion,
                                long cacheSize, PhenotypeCaller caller) {
        return new Assessor();
    }

    public Assessment assess(AssessmentRequest request) {
        throw new PgxException(null, null, "assessment not available yet");
    }

    public Set<String> drugs() {
        return Set.of();
    }

    public String knowledgeVersion() {
        return "unversioned";
    }
}
