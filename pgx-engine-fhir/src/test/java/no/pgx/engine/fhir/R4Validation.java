package no.pgx.engine.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Validates what the adapter writes against base FHIR R4: HAPI's {@link FhirValidator} with the R4 XML schemas of
 * hapi-fhir-validation-resources-r4 (structure, cardinality, data types, required elements), plus the R4 invariants the
 * schemas cannot express and that our output could break (obs-6, obs-7, every reference inside a Bundle resolves,
 * contained resources are referenced). One validator for all tests: loading the schemas is the slow part.
 */
final class R4Validation {
    private static FhirValidator validator;

    private R4Validation() {
    }

    private static synchronized FhirValidator validator() {
        if (validator == null) {
            validator = Fhir.CONTEXT.newValidator();
            validator.setValidateAgainstStandardSchema(true);
            validator.setValidateAgainstStandardSchematron(false);
        }
        return validator;
    }

    /** @return the errors found (empty when the resource is valid R4) */
    static List<String> errors(IBaseResource resource) {
        List<String> errors = new ArrayList<>();
        ValidationResult result = validator().validateWithResult(resource);
        for (SingleValidationMessage m : result.getMessages()) {
            if (m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL) {
                errors.add(m.getLocationString() + ": " + m.getMessage());
            }
        }
        invariants((Resource) resource, errors);
        return errors;
    }

    private static void invariants(Resource resource, List<String> errors) {
        if (resource instanceof Bundle b) {
            Set<String> urls = new HashSet<>();
            b.getEntry().forEach(e -> urls.add(e.getFullUrl()));
            for (Bundle.BundleEntryComponent e : b.getEntry()) {
                if (e.getFullUrl() == null) {
                    errors.add("Bundle.entry without fullUrl");
                }
                invariants(e.getResource(), errors);
                for (Reference r : references(e.getResource())) {
                    if (r.getReference() != null && r.getReference().startsWith("urn:")
                            && !urls.contains(r.getReference())) {
                        errors.add(e.getResource().fhirType() + ": reference " + r.getReference() + " does not resolve");
                    }
                }
            }
        }
        if (resource instanceof Observation o) {
            // obs-6: dataAbsentReason only without a value; obs-7: no value on a component with the Observation's code
            if (o.hasDataAbsentReason() && o.hasValue()) {
                errors.add("obs-6 violated");
            }
            for (Observation.ObservationComponentComponent c : o.getComponent()) {
                if (c.getCode().equalsDeep(o.getCode()) && o.hasValue()) {
                    errors.add("obs-7 violated");
                }
            }
        }
        if (resource instanceof DomainResource d) {
            for (Resource contained : d.getContained()) {
                String local = "#" + contained.getIdElement().getIdPart().replaceFirst("^#", "");
                boolean used = references(d).stream().anyMatch(r -> local.equals(r.getReference()));
                if (!used) {
                    errors.add("dom-3: contained " + local + " is not referenced");
                }
                invariants(contained, errors);
            }
        }
    }

    private static List<Reference> references(Resource r) {
        List<Reference> refs = new ArrayList<>();
        if (r instanceof Observation o) {
            refs.addAll(o.getDerivedFrom());
            refs.addAll(o.getHasMember());
            if (o.hasSubject()) {
                refs.add(o.getSubject());
            }
        } else if (r instanceof org.hl7.fhir.r4.model.DiagnosticReport d) {
            refs.addAll(d.getResult());
            d.getExtension().forEach(x -> {
                if (x.getValue() instanceof Reference ref) {
                    refs.add(ref);
                }
            });
        } else if (r instanceof org.hl7.fhir.r4.model.Task t) {
            if (t.hasReasonReference()) {
                refs.add(t.getReasonReference());
            }
        }
        return refs;
    }
}
