package no.pgx.engine.assess;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import no.pgx.engine.PgxException;

/**
 * Builds the rule base (about 2,500 rules) once per class loader, on a background thread, and shares the build with
 * every engine of that loader. Building the kbase is most of the engine's start-up; starting it before the rest of
 * the start-up work overlaps the two. Thread-safe.
 */
final class RuleBaseLoader {
    private static final Map<ClassLoader, FutureTask<RuleBase>> BUILDS = new java.util.WeakHashMap<>();

    private RuleBaseLoader() {
    }

    /** @return the (started) build of the rule base for the class loader; shared by every caller */
    static FutureTask<RuleBase> start(ClassLoader classLoader) {
        synchronized (BUILDS) {
            FutureTask<RuleBase> task = BUILDS.get(classLoader);
            if (task == null) {
                FutureTask<RuleBase> created = new FutureTask<>(() -> RuleBase.load(classLoader));
                Thread builder = new Thread(created, "pgx-rulebase-loader");
                builder.setDaemon(true);
                builder.setContextClassLoader(classLoader);
                builder.start();
                task = created;
                BUILDS.put(classLoader, task);
            }
            return task;
        }
    }

    /** @return the built rule base; a failed build is forgotten, so that a later load tries again */
    static RuleBase join(FutureTask<RuleBase> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgxException("Interrupted while loading the rule base", e);
        } catch (ExecutionException e) {
            synchronized (BUILDS) {
                BUILDS.values().remove(task);  // a later load tries again
            }
            if (e.getCause() instanceof PgxException p) {
                throw p;
            }
            throw new PgxException("The rule base cannot be loaded: " + e.getCause(), e.getCause());
        }
    }
}
