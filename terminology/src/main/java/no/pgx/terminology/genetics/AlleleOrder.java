package no.pgx.terminology.genetics;

import java.util.Comparator;

/**
 * The canonical order of alleles in a diplotype, matching CPIC's tables: {@code Reference} first; star alleles by number,
 * then letter suffix, then the rest ({@code *1} &lt; {@code *1x2} &lt; {@code *1x≥3} &lt; {@code *10}); HLA alleles by
 * their numeric fields; variant names ({@code c.}/{@code m.}) by position; anything else alphabetically. Thread-safe.
 */
public final class AlleleOrder implements Comparator<String> {
    /** The shared instance. */
    public static final AlleleOrder INSTANCE = new AlleleOrder();

    private AlleleOrder() {
    }

    @Override
    public int compare(String a, String b) {
        Key ka = key(a);
        Key kb = key(b);
        int c = Integer.compare(ka.group, kb.group);
        if (c != 0) {
            return c;
        }
        c = Long.compare(ka.first, kb.first);
        if (c != 0) {
            return c;
        }
        c = Long.compare(ka.second, kb.second);
        if (c != 0) {
            return c;
        }
        c = ka.suffix.compareTo(kb.suffix);
        if (c != 0) {
            return c;
        }
        return ka.rest.compareTo(kb.rest);
    }

    private record Key(int group, long first, long second, String suffix, String rest) {
    }

    private static Key key(String s) {
        if (s.equals("Reference")) {
            return new Key(0, 0, 0, "", "");
        }
        if (s.startsWith("*")) {
            int i = 1;
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            long first = number(s, start, i);
            long second = -1;
            if (i < s.length() && s.charAt(i) == ':') {
                int j = i + 1;
                int k = j;
                while (k < s.length() && Character.isDigit(s.charAt(k))) {
                    k++;
                }
                second = number(s, j, k);
                i = k;
            }
            String suffix = "";
            if (i < s.length() && Character.isUpperCase(s.charAt(i)) && s.charAt(i) != 'N') {
                suffix = s.substring(i, i + 1);
                i++;
            }
            return new Key(1, first, second, suffix, s.substring(i));
        }
        if (s.startsWith("c.") || s.startsWith("m.")) {
            int i = 2;
            boolean negative = i < s.length() && s.charAt(i) == '-';
            if (negative) {
                i++;
            }
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            long n = number(s, start, i);
            return new Key(2, negative ? -n : n, 0, "", s);
        }
        return new Key(3, 0, 0, "", s);
    }

    private static long number(String s, int from, int to) {
        if (to <= from || to - from > 18) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(s.substring(from, to));
    }
}
