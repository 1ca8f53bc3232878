package no.pgx.terminology.drug;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds catalog substances by name: exact look-up of a whole normalised name, and a scan of free text (product
 * names, order text) that ignores every word that is not a drug name (strengths, dose forms, manufacturers), so
 * word order, case, accents and punctuation do not matter. Multi-word names ({@code acetylsalicylic acid}) match when
 * all their words occur close together in any order. A Norwegian salt compound such as {@code kodeinfosfat} or
 * {@code metoprololsuksinat} matches its substance after the salt suffix is removed. The English name without its
 * final e ({@code fluconazol}, {@code quetiapin}), common in Scandinavian product names, is a name too.
 *
 * <p>Immutable after construction; thread-safe. Look-ups use only precomputed hash maps.
 */
final class NameIndex {

    /** Shortest stem left after removing a salt suffix; guards against matching fragments. */
    private static final int MIN_STEM = 4;

    /** Result of a text scan: substances named unambiguously, and names that fit several substances. */
    record Hits(Set<DrugConcept> found, Set<DrugConcept> ambiguous, List<String> ambiguousNames) {
        boolean isEmpty() {
            return found.isEmpty() && ambiguous.isEmpty();
        }
    }

    private record MultiName(List<String> tokens, List<DrugConcept> concepts) {
    }

    private final Map<String, List<DrugConcept>> exact = new HashMap<>();
    private final Map<String, List<DrugConcept>> single = new HashMap<>();
    private final Map<String, List<MultiName>> multiByToken = new HashMap<>();
    private final List<String> saltSuffixes;

    NameIndex(Collection<DrugConcept> concepts, Collection<String> saltSuffixes) {
        for (DrugConcept c : concepts) {
            for (String name : namesOf(c)) {
                add(Text.normalize(name), c, exact);
            }
        }
        // Scandinavian product names often keep the English stem without its final e ("Fluconazol Claris",
        // "Quetiapin Krka"); such a variant is added unless it is already a name of another substance.
        Map<String, List<DrugConcept>> variants = new HashMap<>();
        for (DrugConcept c : concepts) {
            String en = Text.normalize(c.nameEn());
            if (en.length() > 5 && en.endsWith("e") && en.indexOf(' ') < 0) {
                add(en.substring(0, en.length() - 1), c, variants);
            }
        }
        variants.forEach((key, list) -> {
            if (!exact.containsKey(key) && list.size() == 1) {
                exact.put(key, new ArrayList<>(list));
            }
        });
        exact.forEach((key, list) -> {
            List<String> tokens = List.of(key.split(" "));
            if (tokens.size() == 1) {
                single.put(key, List.copyOf(list));
            } else {
                MultiName multi = new MultiName(tokens, List.copyOf(list));
                for (String token : new LinkedHashSet<>(tokens)) {
                    multiByToken.computeIfAbsent(token, k -> new ArrayList<>()).add(multi);
                }
            }
        });
        exact.replaceAll((k, v) -> List.copyOf(v));
        List<String> suffixes = new ArrayList<>();
        for (String s : saltSuffixes) {
            String n = Text.normalize(s);
            if (!n.isEmpty() && n.indexOf(' ') < 0) {
                suffixes.add(n);
            }
        }
        suffixes.sort(Comparator.comparingInt(String::length).reversed());
        this.saltSuffixes = List.copyOf(suffixes);
    }

    private static void add(String key, DrugConcept c, Map<String, List<DrugConcept>> map) {
        if (!key.isEmpty()) {
            List<DrugConcept> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!list.contains(c)) {
                list.add(c);
            }
        }
    }

    static List<String> namesOf(DrugConcept c) {
        List<String> names = new ArrayList<>();
        names.add(c.id());
        names.add(c.nameEn());
        names.add(c.nameNb());
        names.addAll(c.synonyms());
        return names;
    }

    /** Concepts whose name, normalised, equals {@code normalized} (several when the name is ambiguous). */
    List<DrugConcept> exact(String normalized) {
        return exact.getOrDefault(normalized, List.of());
    }

    /** Every normalised name of the index with the concepts it denotes (for data checks). */
    Map<String, List<DrugConcept>> names() {
        return Map.copyOf(exact);
    }

    /** Scans free text for drug names. */
    Hits scan(String text) {
        List<String> tokens = Text.tokens(text);
        Set<DrugConcept> found = new LinkedHashSet<>();
        Set<DrugConcept> ambiguous = new LinkedHashSet<>();
        List<String> ambiguousNames = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            List<DrugConcept> hit = single.get(token);
            if (hit == null) {
                hit = withoutSalt(token, 2);
            }
            record(token, hit, found, ambiguous, ambiguousNames);
            for (MultiName multi : multiByToken.getOrDefault(token, List.of())) {
                if (allNear(tokens, i, multi.tokens())) {
                    record(String.join(" ", multi.tokens()), multi.concepts(), found, ambiguous, ambiguousNames);
                }
            }
        }
        ambiguous.removeAll(found);
        return new Hits(found, ambiguous, ambiguousNames);
    }

    private static void record(String name, List<DrugConcept> hit, Set<DrugConcept> found,
            Set<DrugConcept> ambiguous, List<String> ambiguousNames) {
        if (hit == null || hit.isEmpty()) {
            return;
        }
        if (hit.size() == 1) {
            found.add(hit.get(0));
        } else {
            ambiguous.addAll(hit);
            if (!ambiguousNames.contains(name)) {
                ambiguousNames.add(name);
            }
        }
    }

    /** Whether every token of a multi-word name occurs within a small window around position {@code at}. */
    private static boolean allNear(List<String> tokens, int at, List<String> name) {
        int window = name.size() + 1;
        int from = Math.max(0, at - window);
        int to = Math.min(tokens.size(), at + window + 1);
        List<String> near = tokens.subList(from, to);
        return near.containsAll(name);
    }

    private List<DrugConcept> withoutSalt(String token, int depth) {
        if (depth == 0) {
            return null;
        }
        for (String suffix : saltSuffixes) {
            if (token.length() - suffix.length() >= MIN_STEM && token.endsWith(suffix)) {
                String stem = token.substring(0, token.length() - suffix.length());
                List<DrugConcept> hit = single.get(stem);
                if (hit == null) {
                    hit = withoutSalt(stem, depth - 1);
                }
                if (hit != null) {
                    return hit;
                }
            }
        }
        return null;
    }
}
