package no.pgx.engine.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;

/**
 * When a result was obtained: {@code effective[x]} (dateTime, period end else start, instant), else {@code issued}.
 * Invalid dates are reported by field and treated as absent. Stateless.
 *
 * @param when     the instant results are ordered by, or null when no valid date is given
 * @param issued   the issued instant, or null
 * @param testDate the test date for {@link no.pgx.engine.Provenance} (effective when given to the day, else issued),
 *                 or null
 * @param invalid  the fields that held an invalid date, with their text ({@code effectiveDateTime '2023-13-45'})
 */
record Timing(Instant when, Instant issued, LocalDate testDate, List<String> invalid) {

    static Timing of(Observation o) {
        List<String> invalid = new ArrayList<>();
        BaseDateTimeType effective = null;
        String field = null;
        if (o.getEffective() instanceof DateTimeType dt) {
            effective = dt;
            field = "effectiveDateTime";
        } else if (o.getEffective() instanceof Period p) {
            effective = p.hasEnd() ? p.getEndElement() : p.getStartElement();
            field = p.hasEnd() ? "effectivePeriod.end" : "effectivePeriod.start";
        } else if (o.getEffective() instanceof InstantType i) {
            effective = i;
            field = "effectiveInstant";
        }
        effective = valid(effective, field, invalid);
        InstantType issuedElement = (InstantType) valid(o.hasIssuedElement() ? o.getIssuedElement() : null, "issued",
                invalid);
        Instant issued = issuedElement == null ? null : issuedElement.getValue().toInstant();
        Instant when = effective != null ? effective.getValue().toInstant() : issued;
        LocalDate day = day(effective);
        if (day == null) {
            day = day(issuedElement);
        }
        return new Timing(when, issued, day, List.copyOf(invalid));
    }

    private static BaseDateTimeType valid(BaseDateTimeType value, String field, List<String> invalid) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.getValue() == null) {
            invalid.add(field + " '" + value.getValueAsString() + "'");
            return null;
        }
        return value;
    }

    private static LocalDate day(BaseDateTimeType value) {
        if (value == null || value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
            return null;
        }
        return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
    }
}
