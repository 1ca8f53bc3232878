package no.pgx.it;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a vendor who depends on {@code pgx-engine} only gets: runs the README's embedding example and fails (exit
 * status 1) when a FHIR, Spring or Jackson jar or class is on the class path, or when the example prints nothing.
 */
public final class EmbeddingCheck {
    /** Path parts (local-repository layout) and file-name prefixes of libraries the core engine must not bring. */
    private static final List<String> FORBIDDEN_PATHS = List.of(
            "/ca/uhn/", "/org/hl7/", "/org/springframework/", "/com/fasterxml/jackson/", "/tools/jackson/");
    private static final List<String> FORBIDDEN_JARS = List.of("hapi-fhir", "org.hl7.fhir", "spring-", "jackson-");
    /** One class of each; found by name in case a jar was renamed or repackaged. */
    private static final List<String> FORBIDDEN_CLASSES = List.of(
            "ca.uhn.fhir.context.FhirContext",
            "org.hl7.fhir.r4.model.Observation",
            "org.springframework.core.SpringVersion",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "tools.jackson.databind.ObjectMapper");

    private EmbeddingCheck() {
    }

    public static void main(String[] args) throws Exception {
        List<String> problems = new ArrayList<>();
        String[] classPath = System.getProperty("java.class.path").split(File.pathSeparator);
        long bytes = 0;
        for (String entry : classPath) {
            File file = new File(entry);
            bytes += file.isFile() ? file.length() : 0;
            String path = file.getAbsolutePath().replace(File.separatorChar, '/');
            String name = file.getName();
            if (FORBIDDEN_PATHS.stream().anyMatch(path::contains) || FORBIDDEN_JARS.stream().anyMatch(name::startsWith)) {
                problems.add("on the class path: " + path);
            }
        }
        for (String name : FORBIDDEN_CLASSES) {
            try {
                Class.forName(name, false, EmbeddingCheck.class.getClassLoader());
                problems.add("loadable: " + name);
            } catch (ClassNotFoundException expected) {
                // not there, as it should be
            }
        }

        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ReadmeExample.run();
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        console.print(output);
        if (output.isBlank()) {
            problems.add("the README example printed nothing");
        }

        List<String> jars = java.util.Arrays.stream(classPath).filter(e -> e.endsWith(".jar"))
                .map(e -> new File(e).getName()).sorted().toList();
        console.printf("embedding IT: Java %s, %d jars (%,d bytes) on the class path besides the example's classes:%n"
                + "  %s%n", Runtime.version(), jars.size(), bytes, String.join(" ", jars));
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("embedding IT: " + p));
            System.exit(1);
        }
    }
}
