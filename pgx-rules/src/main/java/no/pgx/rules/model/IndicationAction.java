package no.pgx.rules.model;

import java.util.Objects;
import java.util.Set;

/**
 * Fact: the action a recommendation row has for some indications of the order, when the source gives one action per
 * indication ({@code curation/indication-actions.csv}): DPWG quetiapine in CYP3A4 poor metabolizers advises another
 * drug for depression and 30 % of the dose otherwise; DPWG clomipramine in CYP2C19 ultrarapid metabolizers advises
 * avoiding it for OCD and anxiety disorders. {@code unknown} stands for an order without an indication.
 *
 * @param id               the curation row's id ({@code ia-quetiapine-depression}); never null
 * @param recommendationId the recommendation row; never null
 * @param indications      condition ids of the order's indication it applies to, or {@code unknown}; never empty
 * @param action           the action for those indications ({@code AVOID} …); never null
 */
public record IndicationAction(String id, String recommendationId, Set<String> indications, String action) {
    /** The indication value that stands for an order without an indication. */
    public static final String UNKNOWN = "unknown";

    /**
     * Checks the components and keeps an unmodifiable copy of the indications.
     *
     * @param id               the curation row's id; not null
     * @param recommendationId the recommendation row; not null
     * @param indications      condition ids or {@code unknown}; not null, not empty, no null element
     * @param action           the action for those indications; not null
     * @throws NullPointerException     when a component is null or {@code indications} holds null
     * @throws IllegalArgumentException when {@code indications} is empty
     */
    public IndicationAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recommendationId, "recommendationId");
        Objects.requireNonNull(action, "action");
        indications = Set.copyOf(indications);
        if (indications.isEmpty()) {
            throw new IllegalArgumentException("an indication-dependent action needs an indication: " + id);
        }
    }

    /**
     * @param indication the order's indication (condition id), or null when unknown (matches {@link #UNKNOWN})
     * @return true when it applies to an order with this indication
     */
    public boolean appliesTo(String indication) {
        return indications.contains(indication == null ? UNKNOWN : indication);
    }

    /** @return the id of the recommendation's variant with this action ({@code PA166299124@ia-quetiapine-depression}) */
    public String variantId() {
        return recommendationId + "@" + id;
    }
}
