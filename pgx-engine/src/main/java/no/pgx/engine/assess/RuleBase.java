package no.pgx.engine.assess;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;

import no.pgx.engine.PgxException;
import no.pgx.rules.model.Candidate;
import no.pgx.rules.model.Outcome;

/**
 * The compiled rule base (kbase {@code pgx} of the {@code pgx-rules} kjar, executable model). Evaluations use a new
 * stateless session each, so one instance serves any number of threads. The kbase is built once per class loader and
 * shared.
 */
final class RuleBase {
    static final String KBASE = "pgx";

    private static final Map<ClassLoader, KieBase> BASES = new WeakHashMap<>();

    private final KieBase kieBase;

    private RuleBase(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    /**
     * @throws PgxException when the kbase cannot be found or built (kmodule not read, pgx-rules missing)
     */
    static RuleBase load(ClassLoader loader) {
        synchronized (BASES) {
            KieBase base = BASES.get(loader);
            if (base == null) {
                base = build(loader);
                // One empty evaluation loads and links the session classes here, on the loader thread, instead of
                // in the caller's first answer.
                new RuleBase(base).evaluate(List.of());
                BASES.put(loader, base);
            }
            return new RuleBase(base);
        }
    }

    /**
     * Builds the kbase straight from the executable-model classes the kjar lists in {@link #MODEL_INDEX}. This skips
     * the class-path scan and the XML parsing of {@code kmodule.xml} that {@code KieServices} does (measured: 0.7–1.0 s
     * instead of 2.5–2.9 s for the same 2,539 rules on the 2-core build machine). The kmodule route stays as the
     * fallback for a kjar built without that index.
     */
    private static KieBase build(ClassLoader loader) {
        try (java.io.InputStream index = loader.getResourceAsStream(MODEL_INDEX)) {
            if (index != null) {
                return fromModels(loader, index);
            }
        } catch (java.io.IOException | ReflectiveOperationException | LinkageError e) {
            throw new PgxException("The rule base '" + KBASE + "' cannot be loaded from " + MODEL_INDEX + ": " + e, e);
        }
        return fromKieModule(loader);
    }

    static final String MODEL_INDEX = "META-INF/kie/no.pgx/pgx-rules/drools-model";

    private static KieBase fromModels(ClassLoader loader, java.io.InputStream index)
            throws java.io.IOException, ReflectiveOperationException {
        List<org.drools.model.Model> models = new ArrayList<>();
        for (String line : new String(index.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("Drools-Model-Version")) {
                continue;
            }
            models.add((org.drools.model.Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
        }
        if (models.isEmpty()) {
            throw new PgxException("The rule base index " + MODEL_INDEX + " lists no rule model", null);
        }
        return org.drools.modelcompiler.KieBaseBuilder.createKieBaseFromModel(models);
    }

    private static KieBase fromKieModule(ClassLoader loader) {
        try {
            KieContainer container = KieServices.get().newKieClasspathContainer(loader);
            KieBase base = container.getKieBase(KBASE);
            if (base == null) {
                throw new PgxException("The rule base '" + KBASE + "' is not on the class path", null);
            }
            return base;
        } catch (RuntimeException e) {
            if (e instanceof PgxException p) {
                throw p;
            }
            throw new PgxException("The rule base '" + KBASE + "' cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** @return rule package name to number of rules in the kbase (for tests of the kmodule wiring) */
    java.util.Map<String, Integer> rulesPerPackage() {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        kieBase.getKiePackages().forEach(p -> {
            if (!p.getRules().isEmpty()) {
                out.put(p.getName(), p.getRules().size());
            }
        });
        return out;
    }

    /**
     * Runs the rules over the facts in a fresh stateless session.
     *
     * @return what is left when the rules are done: candidates in firing order, alternatives and their checks, dose
     *         statements
     */
    Outcome evaluate(Collection<Object> facts) {
        Outcome outcome = new Outcome();
        List<Object> all = new ArrayList<>(facts.size() + 1);
        all.addAll(facts);
        all.add(outcome);
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.execute(all);
        return outcome;
    }

    /**
     * Runs the rules over the request's facts ({@code head} and {@code tail}) and knowledge facts, as
     * {@link #evaluate(Collection)} would over head, knowledge and tail in that order, but in a session that already holds the knowledge facts when the list is
     * large. Such a session (one per list and thread at a time, kept in a small pool) is left after each evaluation
     * with exactly the knowledge facts and no pending match: every fact inserted for the request or by a rule is
     * deleted again and the deletions are evaluated (a session where that fires a rule, or leaves other facts, is
     * dropped). No rule matches on knowledge facts alone (each needs an order, a candidate, an alternative, a stage
     * or the outcome), and knowledge facts are never changed by a rule, so the session is the same for the next
     * request as a fresh one with the knowledge facts inserted; what the rules see and in which order is unchanged.
     *
     * @param knowledge facts that are the same for every request with this list (the same list object each time for
     *                  the pool to be used); not changed by rules
     * @param head      the request's facts inserted before the knowledge facts in a fresh session (context, orders)
     * @param tail      the request's facts inserted after them (the patient's gene facts)
     * @param reused    whether the knowledge list has been evaluated before (a list seen once gets no kept session)
     */
    Outcome evaluate(List<Object> head, List<Object> knowledge, List<Object> tail, boolean reused) {
        if (!reused || knowledge.size() < PRELOAD_MIN) {
            List<Object> all = new ArrayList<>(head.size() + knowledge.size() + tail.size());
            all.addAll(head);
            all.addAll(knowledge);
            all.addAll(tail);
            return evaluate(all);
        }
        Preloaded session = take(knowledge);
        Outcome outcome = new Outcome();
        boolean clean = false;
        try {
            for (Object f : head) {
                session.insert(f);
            }
            for (Object f : tail) {
                session.insert(f);
            }
            session.insert(outcome);
            session.fire();
            clean = session.clear();
            return outcome;
        } finally {
            if (clean) {
                give(knowledge, session);
            } else {
                session.dispose();
            }
        }
    }

    /** Knowledge lists shorter than this are inserted into a fresh session with the request (cheap enough). */
    static final int PRELOAD_MIN = 64;
    /** Distinct knowledge lists with a pool (the whole knowledge base and the most frequent orders). */
    private static final int PRELOAD_LISTS = 16;
    /** Sessions kept per knowledge list: one per core is enough for one request per core at a time. */
    private static final int PRELOAD_SESSIONS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** Idle preloaded sessions per knowledge list (by identity), most recently used list first. */
    private final List<Pool> pools = new ArrayList<>();

    /** The idle sessions preloaded with one knowledge list. */
    private record Pool(List<Object> knowledge, java.util.ArrayDeque<Preloaded> sessions) {
    }

    private Preloaded take(List<Object> knowledge) {
        synchronized (pools) {
            for (int i = 0; i < pools.size(); i++) {
                Pool pool = pools.get(i);
                if (pool.knowledge == knowledge) {
                    if (i > 0) {
                        pools.remove(i);
                        pools.add(0, pool);
                    }
                    Preloaded p = pool.sessions.pollFirst();
                    if (p != null) {
                        return p;
                    }
                    break;
                }
            }
        }
        return new Preloaded(kieBase.newKieSession(), knowledge);
    }

    private void give(List<Object> knowledge, Preloaded session) {
        List<Preloaded> dropped = new ArrayList<>();
        synchronized (pools) {
            Pool found = null;
            for (Pool pool : pools) {
                if (pool.knowledge == knowledge) {
                    found = pool;
                    break;
                }
            }
            if (found == null) {
                found = new Pool(knowledge, new java.util.ArrayDeque<>());
                pools.add(0, found);
                while (pools.size() > PRELOAD_LISTS) {
                    dropped.addAll(pools.remove(pools.size() - 1).sessions);
                }
            }
            if (found.sessions.size() < PRELOAD_SESSIONS) {
                found.sessions.addFirst(session);
            } else {
                dropped.add(session);
            }
        }
        dropped.forEach(Preloaded::dispose);
    }

    /**
     * A stateful session holding a knowledge list, and the handles of the facts inserted since it last held only
     * those (by the request or by rules; a rule's delete takes its handle out again).
     */
    private static final class Preloaded implements org.kie.api.event.rule.RuleRuntimeEventListener {
        private final org.kie.api.runtime.KieSession session;
        private final long knowledgeFacts;
        /** In insertion order (a fact handle's equality is its id). */
        private final Map<org.kie.api.runtime.rule.FactHandle, Boolean> added = new java.util.LinkedHashMap<>();
        private boolean tracking;

        Preloaded(org.kie.api.runtime.KieSession session, List<Object> knowledge) {
            this.session = session;
            for (Object f : knowledge) {
                session.insert(f);
            }
            this.knowledgeFacts = session.getFactCount();
            session.addEventListener(this);
            tracking = true;
        }

        void insert(Object fact) {
            session.insert(fact);
        }

        void fire() {
            session.fireAllRules();
        }

        /** Deletes what the request and the rules added; @return whether the session holds the knowledge alone */
        boolean clear() {
            tracking = false;
            // newest first: what the rules derived goes before the request's facts it came from (measured: about
            // 3 % less allocation per every-drug assessment than in hash order)
            org.kie.api.runtime.rule.FactHandle[] hs = added.keySet().toArray(new org.kie.api.runtime.rule.FactHandle[0]);
            for (int i = hs.length - 1; i >= 0; i--) {
                session.delete(hs[i]);
            }
            added.clear();
            int fired = session.fireAllRules();
            tracking = true;
            return fired == 0 && session.getFactCount() == knowledgeFacts;
        }

        void dispose() {
            session.dispose();
        }

        @Override
        public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent event) {
            if (tracking) {
                added.put(event.getFactHandle(), Boolean.TRUE);
            }
        }

        @Override
        public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
        }

        @Override
        public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
            if (tracking) {
                added.remove(event.getFactHandle());
            }
        }
    }
}
