package no.pgx.engine.phenoconversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import no.pgx.engine.PgxException;

/**
 * Integrity of the perpetrator table as shipped in pgx-rules, read line by line without the production loader, plus
 * spot checks of strength classes against the FDA table and the literature named in the table.
 */
class ModulatorTableTest {
    private static final List<String> COLUMNS = List.of("enzyme", "drug", "name_nb", "atc", "effect", "strength",
            "washout_days", "source", "note", "confidence");
    private static final Set<String> ENZYMES = Set.of("CYP2D6", "CYP2C19", "CYP2C9", "CYP3A4");

    private static List<String> lines() throws IOException {
        InputStream in = ModulatorTableTest.class.getClassLoader().getResourceAsStream(ModulatorTable.RESOURCE);
        assertThat(in).as("perpetrator table on the class path").isNotNull();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    private static List<List<String>> rows() throws IOException {
        List<String> data = lines().stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertThat(KnowledgeTable.split("t", 1, data.get(0))).containsExactlyElementsOf(COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i < data.size(); i++) {
            rows.add(KnowledgeTable.split("t", i, data.get(i)));
        }
        return rows;
    }

    @Test
    void headerStatesSourceVersionLicenceAndDerivation() throws IOException {
        List<String> header = lines().stream().filter(l -> l.startsWith("#")).toList();

        for (String key : List.of("source:", "version:", "licence:", "derived-from:")) {
            assertThat(header).as(key).anyMatch(l -> l.startsWith("# " + key) && l.length() > key.length() + 4);
        }
    }

    @Test
    void everyRowIsComplete() throws IOException {
        List<List<String>> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(70);
        Set<String> seen = new HashSet<>();
        for (List<String> f : rows) {
            String where = String.join(",", f.subList(0, 2));
            assertThat(f).as(where).hasSize(COLUMNS.size());
            assertThat(f.get(0)).as(where + " enzyme").isIn(ENZYMES);
            assertThat(f.get(1)).as(where + " drug id").isNotBlank().isLowerCase();
            assertThat(f.get(4)).as(where + " effect").isIn("inhibitor", "inducer");
            assertThat(f.get(5)).as(where + " strength").isIn("strong", "moderate", "weak");
            assertThat(f.get(6)).as(where + " washout_days").matches("|[1-9]\\d*");
            assertThat(f.get(7)).as(where + " source").isNotBlank();
            assertThat(f.get(9)).as(where + " confidence").isIn(ModulatorTable.CONFIDENCE);
            for (String code : f.get(3).isEmpty() ? List.<String>of() : List.of(f.get(3).split("\\|"))) {
                assertThat(code).as(where + " ATC").matches("[A-Z]\\d{2}[A-Z]{2}\\d{2}");
            }
            assertThat(seen.add(f.get(0) + "|" + f.get(1))).as(where + " duplicate").isTrue();
        }
    }

    @Test
    void productionLoaderReadsEveryRow() throws IOException {
        ModulatorTable table = ModulatorTable.load(getClass().getClassLoader());

        assertThat(table.all()).hasSize(rows().size());
        assertThat(table.version()).startsWith("cyp-modulators-");
    }

    /** FDA classes (CYP2D6 via Cicali 2020 / UF Health; CYP2C19 via OSP qualification; inducers via PMC9468573). */
    @ParameterizedTest(name = "{1} is a {3} {0} {2}")
    @CsvSource({
            "CYP2D6, paroxetine, inhibitor, strong",
            "CYP2D6, fluoxetine, inhibitor, strong",
            "CYP2D6, bupropion, inhibitor, strong",
            "CYP2D6, quinidine, inhibitor, strong",
            "CYP2D6, duloxetine, inhibitor, moderate",
            "CYP2D6, sertraline, inhibitor, weak",
            "CYP2D6, escitalopram, inhibitor, weak",
            "CYP2C19, fluvoxamine, inhibitor, strong",
            "CYP2C19, omeprazole, inhibitor, moderate",
            "CYP2C19, rifampicin, inducer, strong",
            "CYP2C19, enzalutamide, inducer, moderate",
            "CYP2C9, fluconazole, inhibitor, moderate",
            "CYP2C9, rifampicin, inducer, moderate",
    })
    void knownClasses(String enzyme, String drug, String effect, String strength) {
        ModulatorTable table = ModulatorTable.load(getClass().getClassLoader());

        assertThat(table.find(drug)).filteredOn(m -> m.enzyme().equals(enzyme)).singleElement().satisfies(m -> {
            assertThat(m.effect().label()).isEqualTo(effect);
            assertThat(m.strength().label()).isEqualTo(strength);
        });
    }

    @Test
    void longWashoutDrugsSayHowLong() {
        ModulatorTable table = ModulatorTable.load(getClass().getClassLoader());

        assertThat(table.find("fluoxetine")).allSatisfy(m -> assertThat(m.washoutDays()).isGreaterThanOrEqualTo(28));
        assertThat(table.find("terbinafine")).allSatisfy(m -> assertThat(m.washoutDays()).isGreaterThanOrEqualTo(28));
        assertThat(table.find("amiodarone")).allSatisfy(m -> assertThat(m.washoutDays()).isGreaterThanOrEqualTo(28));
        assertThat(table.find("paroxetine")).allSatisfy(m -> assertThat(m.washoutDays()).isNull());
    }

    @Test
    void brokenRowIsRejectedWithLineAndColumn() {
        String broken = "# source: test\n# version: t\n# licence: CC0\n" + String.join(",", COLUMNS) + "\n"
                + "CYP2D6,paroxetine,paroksetin,N06AB05,inhibitor,very strong,,src,,source-checked\n";

        assertThatThrownBy(() -> ModulatorTable.load(serving(ModulatorTable.RESOURCE, broken)))
                .isInstanceOf(PgxException.class)
                .hasMessageContaining("line 5").hasMessageContaining("strength").hasMessageContaining("very strong");
    }

    @Test
    void duplicateRowIsRejected() {
        String row = "CYP2D6,paroxetine,paroksetin,N06AB05,inhibitor,strong,,src,,source-checked\n";
        String dup = "# source: test\n# version: t\n# licence: CC0\n" + String.join(",", COLUMNS) + "\n" + row + row;

        assertThatThrownBy(() -> ModulatorTable.load(serving(ModulatorTable.RESOURCE, dup)))
                .isInstanceOf(PgxException.class).hasMessageContaining("duplicate");
    }

    @Test
    void missingSourceIsRejected() {
        String noSource = "# source: test\n# version: t\n# licence: CC0\n" + String.join(",", COLUMNS) + "\n"
                + "CYP2D6,paroxetine,paroksetin,N06AB05,inhibitor,strong,,,,source-checked\n";

        assertThatThrownBy(() -> ModulatorTable.load(serving(ModulatorTable.RESOURCE, noSource)))
                .isInstanceOf(PgxException.class).hasMessageContaining("'source'");
    }

    /** A class loader that serves one resource from a string and everything else from the test class path. */
    static ClassLoader serving(String resource, String content) {
        return new ClassLoader(ModulatorTableTest.class.getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String name) {
                if (Objects.equals(name, resource)) {
                    return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
                }
                return super.getResourceAsStream(name);
            }
        };
    }
}
