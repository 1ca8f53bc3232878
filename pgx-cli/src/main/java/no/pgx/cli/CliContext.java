package no.pgx.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Supplier;

import no.pgx.engine.PgxEngine;
import no.pgx.terminology.drug.DrugCatalog;

/**
 * What a command works with: the three standard streams and the engine and drug catalog, each built on first use
 * (once per run), so that {@code help} and usage errors never pay for loading the knowledge base.
 */
public final class CliContext {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<PgxEngine> engine;
    private final Supplier<DrugCatalog> catalog;

    /**
     * @param in      standard input (for {@code --input -})
     * @param out     standard output: results
     * @param err     standard error: messages
     * @param engine  builds the engine; called at most once
     * @param catalog builds the drug catalog; called at most once
     */
    public CliContext(InputStream in, PrintStream out, PrintStream err, Supplier<PgxEngine> engine,
            Supplier<DrugCatalog> catalog) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.engine = once(engine);
        this.catalog = once(catalog);
    }

    /** @return a context with the default knowledge base and catalog */
    public static CliContext standard(InputStream in, PrintStream out, PrintStream err) {
        return new CliContext(in, out, err, () -> PgxEngine.builder().build(), DrugCatalog::loadDefault);
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** @return the engine, built on the first call; thread-safe */
    public PgxEngine engine() {
        return engine.get();
    }

    /** @return the drug catalog, loaded on the first call; thread-safe */
    public DrugCatalog catalog() {
        return catalog.get();
    }

    private static <T> Supplier<T> once(Supplier<T> factory) {
        Objects.requireNonNull(factory, "factory");
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
