package no.pgx.engine.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The FHIR adapter keeps its public surface to two types (the core engine cannot see HAPI at all: it is not on its
 * class path, and {@code PublicApiTest} in pgx-engine checks its signatures).
 */
class FhirApiBoundaryTest {

    @Test
    void theFhirPackageExposesTwoTypes() throws Exception {
        assertThat(publicClassesOf(FhirResults.class, "no/pgx/engine/fhir")).extracting(Class::getSimpleName)
                .containsExactlyInAnyOrder("FhirResults", "FhirObservations");
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
