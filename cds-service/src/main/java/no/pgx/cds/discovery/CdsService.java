package no.pgx.cds.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One CDS Service hosted here: its id, hook, texts and prefetch templates. Immutable.
 *
 * @param id                service id (path segment)
 * @param hook              hook name ({@code order-select}, {@code order-sign}, {@code patient-view})
 * @param title             title
 * @param description       description
 * @param usageRequirements preconditions in words
 * @param prefetch          templates in discovery order
 */
public record CdsService(String id, String hook, String title, String description, String usageRequirements,
                         List<PrefetchTemplate> prefetch) {
    /** The order-select hook. */
    public static final String ORDER_SELECT = "order-select";
    /** The order-sign hook. */
    public static final String ORDER_SIGN = "order-sign";
    /** The patient-view hook. */
    public static final String PATIENT_VIEW = "patient-view";

    public CdsService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(hook, "hook");
        prefetch = List.copyOf(prefetch);
    }

    /** @return true for the hooks that carry draft orders */
    public boolean isOrderHook() {
        return ORDER_SELECT.equals(hook) || ORDER_SIGN.equals(hook);
    }

    /**
     * @param extension the discovery extensions ({@link DiscoveryExtensions}); may be empty
     * @return the discovery entry of this service
     */
    public ServiceDescriptor descriptor(Map<String, Object> extension) {
        Map<String, String> templates = new LinkedHashMap<>();
        prefetch.forEach(t -> templates.put(t.key(), t.query()));
        return new ServiceDescriptor(hook, title, description, id, templates, usageRequirements, extension);
    }
}
