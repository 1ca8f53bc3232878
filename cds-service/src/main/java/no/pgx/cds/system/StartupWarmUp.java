package no.pgx.cds.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import no.pgx.engine.AssessmentRequest;
import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxEngine;
import no.pgx.engine.fhir.FhirResults;
import no.pgx.terminology.drug.DrugCatalog;

/**
 * The start-up work that needs nothing from Spring: building and warming the engine, loading the drug catalog,
 * creating and warming the FHIR context, and initialising the H2 engine of the feedback store. Together that is about 3.5 s of mostly single-threaded work; started from
 * {@code main()} before the Spring context, on background threads, it overlaps with the context's own 2–3 s instead
 * of following it. The beans of {@link EngineConfiguration} join it, so the port still opens only when all of it is
 * done: readiness still means warm.
 *
 * <p>When the application is started without {@code main()} (tests), the first bean that needs a part starts it.
 * Each part runs once per JVM and class loader. Thread-safe.
 */
public final class StartupWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);

    /** A synthetic Observation used only to warm the parser; it describes no one. */
    private static final String WARM_UP_OBSERVATION = """
            {"resourceType":"Observation","id":"warm-up","status":"final",
             "code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},
             "valueCodeableConcept":{"text":"warm-up"}}""";

    private static final Object LOCK = new Object();
    private static ClassLoader loader;
    private static CompletableFuture<PgxEngine> engine;
    private static CompletableFuture<DrugCatalog> catalog;
    private static CompletableFuture<Void> fhir;
    private static CompletableFuture<Void> database;

    private StartupWarmUp() {
    }

    /**
     * Starts every part on its own daemon thread, unless already started for this class loader.
     *
     * @param classLoader the application's class loader (the rule base is read through it); not null
     */
    public static void start(ClassLoader classLoader) {
        synchronized (LOCK) {
            if (engine != null && loader == classLoader) {
                return;
            }
            loader = classLoader;
            engine = async("pgx-warm-up-engine", classLoader, () -> buildEngine(classLoader));
            catalog = async("pgx-warm-up-catalog", classLoader, StartupWarmUp::loadCatalog);
            fhir = async("pgx-warm-up-fhir", classLoader, () -> {
                warmFhir();
                return null;
            });
            database = async("pgx-warm-up-h2", classLoader, () -> {
                warmDatabase();
                return null;
            });
        }
    }

    /** @return the built, warmed engine; waits for it */
    static PgxEngine engine(ClassLoader classLoader) {
        start(classLoader);
        return join(engine);
    }

    /** @return the loaded drug catalog; waits for it */
    static DrugCatalog catalog(ClassLoader classLoader) {
        start(classLoader);
        return join(catalog);
    }

    /** Waits until the FHIR context is created and warm. */
    static void fhir(ClassLoader classLoader) {
        start(classLoader);
        join(fhir);
    }

    /**
     * Entries per engine cache. The engine's default (100,000) suits a batch; the service runs in a 512 MB heap, and
     * with patients it has not seen every cache fills: under load with distinct patients the heap after a full GC
     * grew by about 8 KB per patient and reached the cap near 35,000 patients with 100,000 entries, and still reached
     * 495 MB after about 60,000 patients with 20,000 (benchmarks/README.md). A new patient rarely hits these caches
     * anyway; a repeated patient is still served from them and from the service's own answer cache.
     */
    static final long ENGINE_CACHE_SIZE = 5_000;

    private static PgxEngine buildEngine(ClassLoader classLoader) {
        long start = System.nanoTime();
        PgxEngine built = PgxEngine.builder().classLoader(classLoader).cacheSize(ENGINE_CACHE_SIZE).build();
        try {
            built.assess(AssessmentRequest.builder().result(GeneInput.phenotype("CYP2C19", "Normal Metabolizer"))
                    .drug("clopidogrel").build());
        } catch (RuntimeException e) {
            LOG.warn("Engine warm-up assessment failed: {}", e.getMessage());
        }
        LOG.info("PGx engine ready in {} ms (knowledge {})", millisSince(start), built.knowledgeVersion());
        return built;
    }

    private static DrugCatalog loadCatalog() {
        long start = System.nanoTime();
        DrugCatalog loaded = DrugCatalog.loadDefault();
        LOG.info("Drug catalog ready in {} ms (version {})", millisSince(start), loaded.version());
        return loaded;
    }

    private static void warmFhir() {
        long start = System.nanoTime();
        FhirResults.warmUp();
        FhirResults.fromJson(WARM_UP_OBSERVATION);
        LOG.info("FHIR context ready in {} ms", millisSince(start));
    }

    /**
     * Loads and initialises the H2 engine (most of the feedback store's half second of start-up) with a private
     * in-memory database, so that opening the store file later is quick. Failure only costs that time later.
     */
    private static void warmDatabase() {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE warm_up (id VARCHAR(64) PRIMARY KEY, at TIMESTAMP WITH TIME ZONE)");
            s.execute("INSERT INTO warm_up VALUES ('warm-up', CURRENT_TIMESTAMP)");
            s.executeQuery("SELECT id FROM warm_up WHERE id = 'warm-up'").close();
        } catch (SQLException e) {
            LOG.debug("H2 warm-up failed: {}", e.getMessage());
        }
    }

    private static <T> CompletableFuture<T> async(String name, ClassLoader classLoader, Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.setContextClassLoader(classLoader);
        thread.start();
        return future;
    }

    /** Rethrows a failure of the background work unchanged, so that start-up fails as it did when run inline. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
