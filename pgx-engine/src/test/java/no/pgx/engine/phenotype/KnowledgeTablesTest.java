package no.pgx.engine.phenotype;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import no.pgx.engine.GeneInput;
import no.pgx.engine.GeneResult;
import no.pgx.knowledge.CsvTable;
import no.pgx.terminology.genetics.CallingMethod;
import no.pgx.terminology.genetics.Gene;

/** Integrity of the bundled phenotype knowledge. */
class KnowledgeTablesTest {
    static final List<String> TABLES = PhenotypeKnowledge.TABLES;
    private final PhenotypeKnowledge k = PhenotypeKnowledge.loadDefault();

    @ParameterizedTest
    @FieldSource("TABLES")
    void everyTableStatesSourceVersionAndLicence(String name) {
        CsvTable t = k.tables.get(name);
        assertThat(t.metadata()).as(name).containsKeys("source", "version", "licence");
        assertThat(t.rows()).as(name).isNotEmpty();
    }

    @Test
    void everyFunctionPairOfEveryCombinationGeneHasAPhenotype() {
        List<String> missing = new ArrayList<>();
        for (Gene gene : k.genes.all()) {
            if (gene.method() == CallingMethod.ACTIVITY_SCORE || gene.method() == CallingMethod.ALLELE_STATUS
                    || gene.method() == CallingMethod.PHENOTYPE_ONLY) {
                continue;
            }
            Set<String> functions = functions(gene.symbol());
            assertThat(functions).as(gene.symbol()).isNotEmpty();
            for (String a : functions) {
                if (gene.ploidy() == 1) {
                    if (k.combinations.phenotype(gene.symbol(), a, null).isEmpty()) {
                        missing.add(gene.symbol() + " " + a);
                    }
                    continue;
                }
                for (String b : functions) {
                    if (k.combinations.phenotype(gene.symbol(), a, b).isEmpty()) {
                        missing.add(gene.symbol() + " " + a + " + " + b);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyPhenotypeHasAStateAndANorwegianLabel() {
        Set<String> phenotypes = new HashSet<>();
        k.combinations.all().forEach((gene, pairs) -> pairs.values().forEach(p -> {
            assertThat(k.states.entry(gene, p)).as(gene + " " + p).isPresent();
            phenotypes.add(p);
        }));
        for (Gene gene : k.genes.all()) {
            k.cutoffs.intervals(gene.symbol()).forEach(i -> {
                assertThat(k.states.entry(gene.symbol(), i.phenotype())).as(gene.symbol() + " " + i.phenotype())
                        .isPresent();
                phenotypes.add(i.phenotype());
            });
            k.states.entries(gene.symbol()).forEach(e -> phenotypes.add(e.phenotype()));
        }
        for (String p : phenotypes) {
            assertThat(k.vocabulary.term(p)).as("vocabulary term for '" + p + "'").isPresent();
        }
    }

    @Test
    void everyGeneCanBeCalledSomehow() {
        for (Gene gene : k.genes.all()) {
            boolean callable = switch (gene.method()) {
                case ALLELE_STATUS -> k.riskAlleles.containsKey(gene.symbol());
                case PHENOTYPE_ONLY -> !k.states.entries(gene.symbol()).isEmpty();
                case ACTIVITY_SCORE -> k.alleles.containsKey(gene.symbol()) && k.cutoffs.hasGene(gene.symbol());
                default -> k.alleles.containsKey(gene.symbol());
            };
            assertThat(callable).as(gene.symbol()).isTrue();
        }
    }

    @Test
    void cutoffsCoverEveryScoreStepWithoutGapsOrOverlaps() {
        for (Gene gene : k.genes.all()) {
            if (gene.method() != CallingMethod.ACTIVITY_SCORE) {
                continue;
            }
            for (int quarter = 0; quarter <= 16; quarter++) {
                java.math.BigDecimal v = java.math.BigDecimal.valueOf(quarter, 2).multiply(java.math.BigDecimal.valueOf(25));
                long matches = k.cutoffs.intervals(gene.symbol()).stream().filter(i -> i.contains(v)).count();
                java.math.BigDecimal max = k.cutoffs.maximum(gene.symbol());
                assertThat(matches).as(gene.symbol() + " " + v)
                        .isEqualTo(max != null && v.compareTo(max) > 0 ? 0 : 1);
            }
        }
    }

    @Test
    void derivedCombinationsAreMarked() {
        CsvTable t = k.tables.get("function_phenotype.csv");
        Set<String> derived = new TreeSet<>();
        for (CsvTable.Row row : t.rows()) {
            if (row.getOrNull("derived") != null) {
                derived.add(row.get("gene") + " " + row.get("function_1") + " + " + row.get("function_2"));
            }
        }
        assertThat(derived).contains("CYP2C19 Increased function + Increased function",
                "NUDT15 Normal function + Normal function", "UGT1A1 Increased function + Increased function");
    }

    /** The engine computes; it must not ship the CPIC diplotype table as its calling mechanism. */
    @Test
    void noDiplotypeTableIsShipped() {
        ClassLoader loader = getClass().getClassLoader();
        assertThat(loader.getResource(PhenotypeKnowledge.BASE + "diplotype_phenotype.csv")).isNull();
        for (String name : TABLES) {
            assertThat(k.tables.get(name).columns()).doesNotContain("diplotype");
        }
    }

    /** CYP2D6 copy-number and hybrid rows of the CPIC allele table are computed from the single alleles. */
    @Test
    void copyNumberAndHybridAllelesAreComputedFromTheirParts() {
        CsvTable reference = CsvTable.readResource("reference/allele_function.csv");
        PhenotypeCaller caller = PhenotypeCaller.load(0);
        int checked = 0;
        for (CsvTable.Row row : reference.rows()) {
            String allele = row.get("allele");
            if (!row.get("gene").equals("CYP2D6") || !(allele.contains("x") || allele.contains("+"))) {
                continue;
            }
            // Pair it with *5 (gene deletion, activity 0) so the score is the allele's own value.
            GeneResult r = caller.call(GeneInput.diplotype("CYP2D6", allele + "/*5"));
            assertThat(r.activityScore()).as(allele).isEqualTo(row.get("activity_value"));
            checked++;
        }
        assertThat(checked).isEqualTo(32);
    }

    private Set<String> functions(String gene) {
        Set<String> functions = new TreeSet<>();
        CsvTable t = k.tables.get("allele_function.csv");
        for (CsvTable.Row row : t.rows()) {
            if (row.get("gene").equals(gene)) {
                functions.add(row.get("function"));
            }
        }
        return functions;
    }
}
