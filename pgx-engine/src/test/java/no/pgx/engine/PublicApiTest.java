package no.pgx.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Architecture: the public API is the package {@code no.pgx.engine}; the packages {@code no.pgx.engine.assess} (with
 * {@code .assess.text}),
 * {@code .phenotype} and {@code .phenoconversion} are internal. No internal, rule-model, Drools, KIE, Caffeine, Spring
 * or HAPI type appears in the public API (public types' public methods, constructors, fields and record components,
 * including generic arguments), and result types with many properties have no public constructor.
 */
class PublicApiTest {
    private static final List<String> FORBIDDEN = List.of("no.pgx.engine.assess.", "no.pgx.engine.phenotype.",
            "no.pgx.engine.phenoconversion.", "no.pgx.rules.", "org.drools.", "org.kie.",
            "com.github.benmanes.caffeine.", "org.springframework.", "ca.uhn.", "org.hl7.");

    @Test
    void publicApiMentionsNoInternalDroolsCaffeineSpringOrHapiType() throws Exception {
        List<Class<?>> types = publicTypes();
        assertThat(types).extracting(Class::getSimpleName).contains("PgxEngine", "Finding", "Assessment",
                "GuidelineSource", "Strength", "Population");
        assertThat(types).contains(Finding.Builder.class, AssessmentRequest.Builder.class);
        assertThat(offending(types)).isEmpty();
    }

    /** The check itself: a public signature that leaks an internal, Drools or Caffeine type is reported. */
    @Test
    void aLeakingSignatureIsReported() {
        assertThat(offending(List.of(Leaky.class))).hasSize(3)
                .anyMatch(s -> s.contains("no.pgx.engine.assess.Assessor"))
                .anyMatch(s -> s.contains("com.github.benmanes.caffeine.cache.Cache"))
                .anyMatch(s -> s.contains("org.kie.api.runtime.KieSession"));
    }

    @Test
    void resultsWithManyPropertiesAreBuiltNotConstructed() {
        for (Class<?> c : List.of(Finding.class, GeneResult.class, AssessmentRequest.class, DrugAdvice.class)) {
            assertThat(c.getConstructors()).as("public constructors of %s", c.getSimpleName()).isEmpty();
            assertThat(c.isRecord()).as("%s is a record", c.getSimpleName()).isFalse();
        }
        Finding f = Finding.builder().drug("codeine").source(GuidelineSource.CPIC)
                .population(new Population(Population.GENERAL, null)).action(Action.AVOID).build();
        assertThat(f.strength()).isEqualTo(Strength.NONE);
        assertThat(f.lookupKey()).isEmpty();
        assertThat(f.toBuilder().strength(Strength.STRONG).build()).isNotEqualTo(f)
                .isEqualTo(f.toBuilder().strength(Strength.STRONG).build());
    }

    private static List<String> offending(List<Class<?>> types) {
        List<String> offending = new ArrayList<>();
        for (Class<?> c : types) {
            for (Method m : c.getMethods()) {
                check(c + "#" + m.getName(), m.getGenericReturnType(), offending);
                for (Type p : m.getGenericParameterTypes()) {
                    check(c + "#" + m.getName(), p, offending);
                }
                for (Type e : m.getGenericExceptionTypes()) {
                    check(c + "#" + m.getName(), e, offending);
                }
            }
            for (var k : c.getConstructors()) {
                for (Type p : k.getGenericParameterTypes()) {
                    check(c + " constructor", p, offending);
                }
            }
            for (Field f : c.getFields()) {
                check(c + "." + f.getName(), f.getGenericType(), offending);
            }
            if (c.isRecord()) {
                for (RecordComponent r : c.getRecordComponents()) {
                    check(c + "." + r.getName(), r.getGenericType(), offending);
                }
            }
            check(c + " supertype", c.getGenericSuperclass(), offending);
        }
        return offending;
    }

    /** A public type with signatures the convention forbids. */
    public static final class Leaky {
        public List<com.github.benmanes.caffeine.cache.Cache<String, String>> caches;

        public no.pgx.engine.assess.Assessor assessor() {
            return null;
        }

        public void use(org.kie.api.runtime.KieSession session) {
        }
    }

    private static void check(String where, Type t, List<String> offending) {
        if (t == null) {
            return;
        }
        if (t instanceof Class<?> c) {
            Class<?> x = c.isArray() ? c.getComponentType() : c;
            if (FORBIDDEN.stream().anyMatch(x.getName()::startsWith)) {
                offending.add(where + ": " + x.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            check(where, p.getRawType(), offending);
            for (Type a : p.getActualTypeArguments()) {
                check(where, a, offending);
            }
        } else if (t instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(b -> check(where, b, offending));
        }
    }

    /** Every public top-level or nested type compiled into the package {@code no.pgx.engine}. */
    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(PgxEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("no/pgx/engine");
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "no.pgx.engine." + p.getFileName().toString().replace(".class", "");
                Class<?> c = Class.forName(name, false, PgxEngine.class.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
