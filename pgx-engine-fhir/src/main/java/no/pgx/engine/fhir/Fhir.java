package no.pgx.engine.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.r4.model.Observation;

/**
 * The one {@link FhirContext} of this package, created once and warmed when the class is first used (creating it and
 * the first parse cost about a second; later parses take microseconds). A context is thread-safe; parsers are not, so
 * each call asks for a new one (cheap).
 */
final class Fhir {
    static final FhirContext CONTEXT = createWarm();

    private Fhir() {
    }

    /**
     * A JSON parser that keeps going on unknown elements and invalid primitive values (an invalid date is kept as text
     * with a null value, so the reader can name the field in a per-resource problem instead of failing the document).
     */
    static IParser reader() {
        IParser parser = CONTEXT.newJsonParser();
        parser.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
        return parser;
    }

    /** A compact JSON writer. */
    static IParser writer() {
        return CONTEXT.newJsonParser().setPrettyPrint(false);
    }

    private static FhirContext createWarm() {
        FhirContext context = FhirContext.forR4();
        // Warm the model scan and the parser so that the first request does not pay for it.
        IParser parser = context.newJsonParser();
        Observation o = parser.parseResource(Observation.class,
                "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"warm-up\"},"
                        + "\"valueString\":\"*1/*1\",\"effectiveDateTime\":\"2020-01-01\"}");
        parser.encodeResourceToString(o);
        return context;
    }
}
