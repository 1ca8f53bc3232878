package no.pgx.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time (and the allocation) of an engine call goes, from a Java Flight Recorder file of
 * {@link NewPatientRun}: every execution sample and allocation sample is put in the first bucket (in the order below)
 * that one of its frames matches, so the buckets add up to 100 %. Samples in the harness's patient generation are
 * left out.
 *
 * <pre>java -cp benchmarks.jar no.pgx.benchmarks.JfrBreakdown FILE.jfr [TOP]</pre>
 */
public final class JfrBreakdown {
    private JfrBreakdown() {
    }

    /** Bucket name → frame patterns ("Class.method" prefixes or substrings of the qualified frame). */
    private static final Map<String, List<String>> BUCKETS = new LinkedHashMap<>();

    static {
        BUCKETS.put("harness (patient generation; excluded)", List.of("no.pgx.benchmarks.NewPatients.",
                "no.pgx.benchmarks.Population."));
        BUCKETS.put("Drools: session creation and disposal", List.of("newStatelessKieSession", "newWorkingMemory",
                "StatefulKnowledgeSessionImpl.<init>", "newKieSession", "StatefulKnowledgeSessionImpl.dispose",
                "SessionsPool", "initInitialFact", "StatelessKnowledgeSessionImpl.<init>", "ReteEvaluator.<init>",
                "DefaultAgenda.<init>", "StatefulKnowledgeSessionImpl.reset"));
        BUCKETS.put("Drools: per-session network memory set-up (segment, path and node memories)", List.of(
                "SegmentMemorySupportImpl.", "ConcurrentNodeMemories.createNodeMemory", ".createMemory",
                "initPathMemory", "getPathMemSpec", "calculatePathMemSpec", "SegmentMemory$SegmentPrototype",
                "PathMemory.addSegmentToPathMemory"));
        BUCKETS.put("Drools: rule consequences (RHS: candidates, outcome)", List.of("LambdaConsequence"));
        BUCKETS.put("Drools: beta network, agenda, firing", List.of("RuleNetworkEvaluatorImpl", "RuleExecutor",
                "org.drools.core.phreak.Phreak", "DefaultAgenda.fire", "AgendaGroupQueueImpl", "RuleAgendaItem"));
        BUCKETS.put("Drools: insertion and alpha network", List.of("PropagationEntry$Insert", "ObjectTypeNode",
                "CompositeObjectSinkAdapter", "AlphaNode", "NamedEntryPoint.insert", "StatefulKnowledgeSessionImpl.insert",
                "SingleObjectSinkAdapter", "LeftInputAdapterNode"));
        BUCKETS.put("Drools: other", List.of("org.drools.", "org.kie."));
        BUCKETS.put("findings: texts and assembly (FindingAssembler, FindingTexts)", List.of(
                "no.pgx.engine.assess.text.FindingAssembler", "no.pgx.engine.assess.text.FindingTexts"));
        BUCKETS.put("caches: keys and look-ups (Caffeine, RuleKey, FindingKey)", List.of("com.github.benmanes.caffeine",
                "no.pgx.engine.assess.RuleStep.key", "no.pgx.engine.assess.RuleKey", "AssessmentCache$FindingKey",
                "no.pgx.engine.assess.AssessmentCache.", "AssessmentCache$FactsKey", "AssessmentCache$PatientLine"));
        BUCKETS.put("facts: gene facts and the session's fact list", List.of("no.pgx.engine.assess.FactBuilder",
                "no.pgx.engine.assess.RuleStep.geneFacts", "AssessmentCache$GeneFacts", "RuleStep.functionalFacts",
                "no.pgx.engine.assess.RuleStep.evaluate", "no.pgx.engine.assess.AlleleFunctions"));
        BUCKETS.put("phenotype calling", List.of("no.pgx.engine.phenotype."));
        BUCKETS.put("phenoconversion", List.of("no.pgx.engine.assess.PhenoconversionStep"));
        BUCKETS.put("FHIR reading (HAPI, Jackson)", List.of("no.pgx.engine.fhir.", "ca.uhn.fhir", "com.fasterxml"));
        BUCKETS.put("engine: other (request, grouping, result)", List.of("no.pgx.engine."));
        BUCKETS.put("other (JDK, harness loop)", List.of(""));
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrBreakdown FILE.jfr [TOP]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Map<String, long[]> buckets = new LinkedHashMap<>();
        BUCKETS.keySet().forEach(b -> buckets.put(b, new long[2]));
        Map<String, Long> leaves = new HashMap<>();
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> allocLeaves = new HashMap<>();
        long samples = 0;
        long bytes = 0;
        Duration gc = Duration.ZERO;
        int gcs = 0;
        java.time.Instant first = null;
        java.time.Instant last = null;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (first == null || e.getStartTime().isBefore(first)) {
                first = e.getStartTime();
            }
            if (last == null || e.getEndTime().isAfter(last)) {
                last = e.getEndTime();
            }
            if (type.equals("jdk.GarbageCollection")) {
                gc = gc.plus(e.getDuration());
                gcs++;
                continue;
            }
            boolean exec = type.equals("jdk.ExecutionSample");
            boolean alloc = type.equals("jdk.ObjectAllocationSample");
            if (!exec && !alloc) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame f : st.getFrames()) {
                if (f.isJavaFrame()) {
                    frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                }
            }
            if (frames.isEmpty()) {
                continue;
            }
            String bucket = bucket(frames);
            long weight = alloc ? e.getLong("weight") : 1;
            buckets.get(bucket)[exec ? 0 : 1] += weight;
            if (bucket.startsWith("harness")) {
                continue;
            }
            if (exec) {
                samples++;
                leaves.merge(frames.get(0), 1L, Long::sum);
                Set<String> seen = new HashSet<>(frames);
                seen.forEach(f -> inclusive.merge(f, 1L, Long::sum));
            } else {
                bytes += weight;
                String site = frames.get(0);
                for (String f : frames) {
                    if (!f.startsWith("java.") && !f.startsWith("jdk.")) {
                        site = f;
                        break;
                    }
                }
                allocLeaves.merge(site, weight, Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d execution samples, %,d MB of sampled allocation (engine only);"
                        + " %d GC pauses, %.0f ms in GC over %.1f s recorded%n", args[0], samples, bytes >> 20, gcs,
                gc.toNanos() / 1e6, first == null ? 0 : Duration.between(first, last).toMillis() / 1e3);
        System.out.printf("%n| where | CPU samples | allocated bytes |%n|---|---|---|%n");
        for (Map.Entry<String, long[]> b : buckets.entrySet()) {
            if (b.getKey().startsWith("harness")) {
                continue;
            }
            long[] v = b.getValue();
            if (v[0] == 0 && v[1] == 0) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %s | %.1f %% | %.1f %% |%n", b.getKey(), pct(v[0], samples),
                    pct(v[1], bytes));
        }
        print("top methods by own CPU samples", leaves, samples, top);
        print("top engine and Drools methods by CPU samples including callees", filter(inclusive), samples, top * 2);
        print("top allocation sites (first non-JDK frame)", allocLeaves, bytes, top);
    }

    private static Map<String, Long> filter(Map<String, Long> inclusive) {
        Map<String, Long> out = new HashMap<>();
        inclusive.forEach((k, v) -> {
            if (k.startsWith("no.pgx.engine") || k.startsWith("org.drools") || k.startsWith("com.github.benmanes")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String bucket(List<String> frames) {
        for (Map.Entry<String, List<String>> b : BUCKETS.entrySet()) {
            for (String pattern : b.getValue()) {
                for (String f : frames) {
                    if (f.contains(pattern)) {
                        return b.getKey();
                    }
                }
            }
        }
        throw new IllegalStateException("unreachable: the last bucket matches every frame");
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static void print(String title, Map<String, Long> counts, long total, int top) {
        System.out.printf("%n%s:%n", title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", pct(e.getValue(), total), e.getKey()));
    }
}
