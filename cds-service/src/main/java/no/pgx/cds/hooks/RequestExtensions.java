package no.pgx.cds.hooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import no.pgx.cds.system.CdsRequestException;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.Population;
import no.pgx.knowledge.CsvTable;
import tools.jackson.databind.JsonNode;

/**
 * What a CDS client may say about the patient beyond results, orders and history: the ancestry groups and the
 * recommendation population, read from the request's {@code extension} object (CDS Hooks 2.0 "Extensions": the name
 * is reserved for implementations, its value a JSON object) and from the Patient resource already prefetched.
 *
 * <ul>
 *   <li>{@value #ANCESTRY}: one ancestry group ({@code "han-chinese"}) or an array of groups, as the engine and the
 *       CLI ({@code --ancestry}) take them. A well-formed group the knowledge does not use changes nothing (it is a
 *       fact about the patient, not an error);</li>
 *   <li>{@value #POPULATION}: the recommendation population id ({@link PgxEngine#populations()}), for every draft
 *       order of the call; an unknown id is {@code 400} naming the known ones;</li>
 *   <li>the Patient's US Core race extension ({@value #US_CORE_RACE}, {@code ombCategory} and {@code detailed}): the
 *       codes of {@code ancestry-codes.csv} (CDC Race &amp; Ethnicity) give their group; other codes are not read.</li>
 * </ul>
 * Other keys of {@code extension} belong to other implementations and are ignored. Thread-safe; never logs values.
 */
@Component
public class RequestExtensions {
    /** Request extension key: the patient's ancestry groups. */
    public static final String ANCESTRY = "no.pgx.ancestry";
    /** Request extension key: the recommendation population of the orders. */
    public static final String POPULATION = "no.pgx.population";
    /** The US Core race extension of Patient. */
    public static final String US_CORE_RACE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";
    private static final String CODES = "no/pgx/cds/hooks/ancestry-codes.csv";
    private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_GROUPS = 10;
    private static final int MAX_GROUP_LENGTH = 40;

    private final Set<String> populations;
    /** {@code system|code} → ancestry group. */
    private final Map<String, String> raceCodes;

    @Autowired
    public RequestExtensions(PgxEngine engine) {
        this(engine.populations().stream().map(Population::id).toList());
    }

    /** @param populations the population ids accepted ({@link PgxEngine#populations()}) */
    RequestExtensions(List<String> populations) {
        this.populations = Collections.unmodifiableSet(new LinkedHashSet<>(populations));
        Map<String, String> codes = new HashMap<>();
        for (CsvTable.Row r : CsvTable.readResource(CODES, RequestExtensions.class.getClassLoader()).rows()) {
            codes.put(r.require("system") + "|" + r.require("code"), r.require("group"));
        }
        this.raceCodes = Map.copyOf(codes);
    }

    /** The patient's groups as the client gave them. Immutable. */
    public record PatientGroups(Set<String> ancestry, String population) {
        /** Nothing given. */
        public static final PatientGroups NONE = new PatientGroups(Set.of(), null);

        public PatientGroups {
            ancestry = Collections.unmodifiableSet(new LinkedHashSet<>(ancestry));
        }
    }

    /** @return the ancestry groups the knowledge uses (the groups of {@code ancestry-codes.csv}), sorted */
    public List<String> groupsUsed() {
        return raceCodes.values().stream().distinct().sorted().toList();
    }

    /** @return the population ids the request extension {@value #POPULATION} accepts, in the knowledge's order */
    public Set<String> populations() {
        return populations;
    }

    /**
     * Reads the request's {@code extension} object; called before any data is fetched, so that a malformed extension
     * is answered at once.
     *
     * @param extension the request's {@code extension} value, or null
     * @return the groups; {@link PatientGroups#NONE} when nothing is given
     * @throws CdsRequestException (400) naming the field for a malformed {@code extension} or one of its keys
     */
    public PatientGroups read(JsonNode extension) {
        if (extension == null || extension.isNull()) {
            return PatientGroups.NONE;
        }
        if (!extension.isObject()) {
            throw CdsRequestException.badRequest("extension", "extension must be a JSON object (CDS Hooks 2.0 "
                    + "Extensions)");
        }
        List<String> ancestry = ancestry(extension.get(ANCESTRY));
        String population = population(extension.get(POPULATION));
        return ancestry.isEmpty() && population == null ? PatientGroups.NONE
                : new PatientGroups(new LinkedHashSet<>(ancestry), population);
    }

    /**
     * @param given   what the request extension gave
     * @param patient the prefetched Patient, or null
     * @return the given groups plus those of the Patient's US Core race codings
     */
    public PatientGroups withPatient(PatientGroups given, JsonNode patient) {
        List<String> race = race(patient);
        if (race.isEmpty()) {
            return given;
        }
        Set<String> ancestry = new LinkedHashSet<>(given.ancestry());
        ancestry.addAll(race);
        return new PatientGroups(ancestry, given.population());
    }

    private static List<String> ancestry(JsonNode value) {
        String field = "extension." + ANCESTRY;
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isString()) {
            return List.of(group(value.stringValue(), field));
        }
        if (!value.isArray()) {
            throw CdsRequestException.badRequest(field, field + " must be a group name such as \"han-chinese\" or an "
                    + "array of them");
        }
        if (value.size() > MAX_GROUPS) {
            throw CdsRequestException.badRequest(field, field + " names more than " + MAX_GROUPS + " groups");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode g = value.get(i);
            if (!g.isString()) {
                throw CdsRequestException.badRequest(field + "[" + i + "]", field + "[" + i + "] must be a string");
            }
            out.add(group(g.stringValue(), field + "[" + i + "]"));
        }
        return out;
    }

    /** A group in the engine's spelling: lower case, words joined by hyphens ({@code Han Chinese} → han-chinese). */
    private static String group(String text, String field) {
        String g = text.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
        if (g.length() > MAX_GROUP_LENGTH || !GROUP.matcher(g).matches()) {
            throw CdsRequestException.badRequest(field, field + " must be an ancestry group written in letters, digits "
                    + "and hyphens (such as han-chinese or thai), at most " + MAX_GROUP_LENGTH + " characters");
        }
        return g;
    }

    private String population(JsonNode value) {
        String field = "extension." + POPULATION;
        if (value == null || value.isNull()) {
            return null;
        }
        String id = value.isString() ? value.stringValue().trim() : null;
        if (id == null || !populations.contains(id)) {
            throw CdsRequestException.badRequest(field, field + " must be one of the population ids "
                    + String.join(", ", populations));
        }
        return id;
    }

    /** The groups of the Patient's US Core race codings that {@code ancestry-codes.csv} lists. */
    private List<String> race(JsonNode patient) {
        if (patient == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode ext : Json.list(patient, "extension")) {
            if (!US_CORE_RACE.equals(Json.text(ext, "url"))) {
                continue;
            }
            for (JsonNode part : Json.list(ext, "extension")) {
                String url = Json.text(part, "url");
                if (!"ombCategory".equals(url) && !"detailed".equals(url)) {
                    continue;
                }
                JsonNode coding = part.get("valueCoding");
                String system = Json.text(coding, "system");
                String code = Json.text(coding, "code");
                String group = system == null || code == null ? null
                        : raceCodes.get(system.trim() + "|" + code.trim());
                if (group != null && !out.contains(group)) {
                    out.add(group);
                }
            }
        }
        return out;
    }
}
