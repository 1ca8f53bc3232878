package no.pgx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Standard output and exit code of every command, byte for byte, against outputs recorded from the command line
 * before it moved to picocli (see {@code golden/README.md}): phenotype batches, an assess batch with bad lines, the
 * assess table and JSON, {@code drug}, {@code --fhir} and usage errors. A failure here means the output contract
 * changed; when the change is intended (new knowledge, a new field), re-record as the README there says and review the
 * difference.
 */
class GoldenOutputTest {
    /** One recorded run: name, standard input file (or none), arguments. */
    record Case(String name, String stdin, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Path golden() throws URISyntaxException {
        return Path.of(GoldenOutputTest.class.getResource("/golden/cases.txt").toURI()).getParent();
    }

    static Stream<Case> cases() throws IOException, URISyntaxException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(golden().resolve("cases.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            List<String> args = new ArrayList<>();
            for (int i = 2; i < f.length; i++) {
                args.add(f[i].replace("${golden}", golden().toString()));
            }
            cases.add(new Case(f[0], f[1], args));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsAsRecorded(Case c) throws IOException, URISyntaxException {
        Path dir = golden();
        byte[] stdin = c.stdin().isEmpty() ? new byte[0] : Files.readAllBytes(dir.resolve(c.stdin()));
        CliRun run = CliRun.run(stdin, c.args().toArray(String[]::new));
        if (Boolean.getBoolean("pgx.golden.record")) {
            record(c, run);
        }
        Path expectedOut = dir.resolve("expected").resolve(c.name() + ".out");
        Path expectedCode = dir.resolve("expected").resolve(c.name() + ".rc");
        assertThat(new String(run.outBytes(), StandardCharsets.UTF_8)).as("standard output of %s", c)
                .isEqualTo(Files.readString(expectedOut, StandardCharsets.UTF_8));
        assertThat(run.outBytes()).as("bytes of %s", c).isEqualTo(Files.readAllBytes(expectedOut));
        assertThat(run.code()).as("exit code of %s (stderr: %s)", c, run.err())
                .isEqualTo(Integer.parseInt(Files.readString(expectedCode).trim()));
    }

    /** Writes the run's output as the new expectation, into the source tree (Maven runs tests in the module folder). */
    private static void record(Case c, CliRun run) throws IOException, URISyntaxException {
        Path expected = Path.of("src/test/resources/golden/expected");
        Files.write(expected.resolve(c.name() + ".out"), run.outBytes());
        Files.writeString(expected.resolve(c.name() + ".rc"), run.code() + "\n");
        Files.write(golden().resolve("expected").resolve(c.name() + ".out"), run.outBytes());
        Files.writeString(golden().resolve("expected").resolve(c.name() + ".rc"), run.code() + "\n");
    }
}
