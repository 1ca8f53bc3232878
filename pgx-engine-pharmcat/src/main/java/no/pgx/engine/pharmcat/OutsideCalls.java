package no.pgx.engine.pharmcat;

/**
 * PharmCAT's outside-call format: tab-separated lines of gene, diplotype (or single allele), phenotype, activity score;
 * any of the last three may be empty; lines starting with {@code #} are comments. Stateless.
 */
final class OutsideCalls {
    private OutsideCalls() {
    }

    static void read(String text, Collector out) {
        String[] lines = text.split("\\r?\\n", -1);
        int read = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String where = "line " + (i + 1);
            if (f.length < 2 || f[0].isBlank()) {
                out.problem(null, "line", where + " '" + line.strip() + "' is not an outside call (expected gene, tab, "
                        + "diplotype, tab, phenotype, tab, activity score)");
                continue;
            }
            if (f.length > 4) {
                out.problem(f[0].trim(), "line", where + " has " + f.length + " tab-separated fields, at most 4 are "
                        + "expected; not used");
                continue;
            }
            out.call(f[0], field(f, 1), field(f, 2), field(f, 3), true, where);
            read++;
        }
        if (read == 0) {
            out.problem(null, "file", "The outside-call file holds no calls");
        }
    }

    private static String field(String[] f, int i) {
        return i < f.length ? Collector.blankToNull(f[i]) : null;
    }
}
