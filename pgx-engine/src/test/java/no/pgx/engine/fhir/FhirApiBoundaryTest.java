package no.pgx.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import no.pgx.engine.PgxEngine;

/**
 * HAPI FHIR types may appear in the signatures of {@code no.pgx.engine.fhir} only (ARCHITECTURE.md, STYLE.md), and this
 * package keeps its public surface to two types.
 */
class FhirApiBoundaryTest {

    @Test
    void theEnginesMainPackageHasNoHapiTypeInAPublicSignature() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicClassesOf(PgxEngine.class, "no/pgx/engine")) {
            for (Method m : type.getMethods()) {
                check(type, m.toGenericString(), leaks);
            }
            for (Constructor<?> c : type.getConstructors()) {
                check(type, c.toGenericString(), leaks);
            }
            for (Field f : type.getFields()) {
                check(type, f.toGenericString(), leaks);
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theFhirPackageExposesTwoTypes() throws Exception {
        assertThat(publicClassesOf(FhirResults.class, "no/pgx/engine/fhir")).extracting(Class::getSimpleName)
                .containsExactlyInAnyOrder("FhirResults", "FhirObservations");
    }

    private static void check(Class<?> type, String signature, List<String> leaks) {
        if (signature.contains("ca.uhn.") || signature.contains("org.hl7.")) {
            leaks.add(type.getName() + ": " + signature);
        }
    }

    private static List<Class<?>> publicClassesOf(Class<?> anchor, String packagePath)
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve(packagePath))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .toList()) {
                String name = packagePath.replace('/', '.') + "." + p.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    classes.add(c);
                }
            }
        }
        return classes;
    }
}
