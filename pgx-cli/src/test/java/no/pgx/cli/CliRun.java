package no.pgx.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.pgx.engine.PgxEngine;
import no.pgx.knowledge.CsvTable;
import no.pgx.terminology.drug.DrugCatalog;

/**
 * One run of the command line through {@link Main#run} with in-memory streams. The engine and the drug catalog are
 * built once for all tests (they are immutable and thread-safe); each run gets its own {@link CliContext}.
 */
record CliRun(int code, byte[] outBytes, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PgxEngine engine;
    private static DrugCatalog catalog;

    static CliRun run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static CliRun run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(new ByteArrayInputStream(stdin),
                new PrintStream(out, false, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CliRun::engine, CliRun::catalog);
        int code = Main.run(args, context);
        return new CliRun(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static synchronized PgxEngine engine() {
        if (engine == null) {
            engine = PgxEngine.builder().build();
        }
        return engine;
    }

    private static synchronized DrugCatalog catalog() {
        if (catalog == null) {
            catalog = DrugCatalog.loadDefault();
        }
        return catalog;
    }

    String out() {
        return new String(outBytes, StandardCharsets.UTF_8);
    }

    /** @return the output split into lines, blank lines kept (so index n is output line n + 1) */
    List<String> outLines() {
        String out = out();
        if (out.isEmpty()) {
            return List.of();
        }
        return List.of((out.endsWith("\n") ? out.substring(0, out.length() - 1) : out).split("\n", -1));
    }

    /** @return the non-blank output lines read as JSON */
    List<JsonNode> json() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : outLines()) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** @return the output read as CSV records */
    List<List<String>> rows() {
        CsvTable.RecordReader r = CsvTable.records("out", new StringReader(out()));
        List<List<String>> rows = new ArrayList<>();
        CsvTable.Record rec;
        while ((rec = r.next()) != null) {
            rows.add(rec.fields());
        }
        return rows;
    }
}
