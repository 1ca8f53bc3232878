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
 * Architecture: no Drools, KIE, Spring or HAPI type appears in the public API of {@code no.pgx.engine} (public types'
 * public methods, constructors, fields and record components, including generic arguments).
 */
class PublicApiTest {
    private static final List<String> FORBIDDEN = List.of("org.drools.", "org.kie.", "org.springframework.",
            "ca.uhn.", "org.hl7.");

    @Test
    void publicApiMentionsNoDroolsSpringOrHapiType() throws Exception {
        List<Class<?>> types = publicTypes();
        assertThat(types).extracting(Class::getSimpleName).contains("PgxEngine", "Finding", "Assessment");
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
        assertThat(offending).isEmpty();
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
