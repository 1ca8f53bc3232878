package no.pgx.knowledge.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Where the tests find the knowledge module's source tree (set by the build) and a scratch directory under target/. */
final class KnowledgeModule {
    static final Path MODULE = Path.of(System.getProperty("pgx.knowledge.module", "../pgx-knowledge"));
    static final Path SOURCES = MODULE.resolve("sources");
    static final Path OVERLAYS = MODULE.resolve("overlays");
    static final Path SHIPPED = MODULE.resolve("src/main/resources/no/pgx/knowledge");
    static final Path WORK = Path.of(System.getProperty("pgx.knowledge.work", "target/knowledge-work"));

    private KnowledgeModule() {
    }

    /** @return a fresh empty directory under target/knowledge-work */
    static Path scratch(String name) {
        Path dir = WORK.resolve(name);
        delete(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Copies a directory tree. */
    static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
