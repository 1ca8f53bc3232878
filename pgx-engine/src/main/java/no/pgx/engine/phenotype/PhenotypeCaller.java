package no.pgx.engine.phenotype;

import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.engine.PgxException;

/**
 * Internal: calls phenotypes from gene inputs. Owned by the phenotype-calling work; not part of the public API.
 * (Transitional skeleton: replaced by the real implementation.)
 */
public final class PhenotypeCaller {
    public static PhenotypeCaller loadDefault() {
        return new PhenotypeCaller();
    }

    public GeneResult call(GeneInput input) {
        throw new PgxException(input.gene(), null, "phenotype calling not available yet");
    }
}
