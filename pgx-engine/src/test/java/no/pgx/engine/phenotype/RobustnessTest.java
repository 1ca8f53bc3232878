package no.pgx.engine.phenotype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import no.pgx.engine.GeneInput;
import no.pgx.engine.PgxException;
import no.pgx.terminology.genetics.GeneRegistry;

/** Whatever a lab writes, the caller answers or throws PgxException: no other exception type escapes. */
class RobustnessTest {
    private static final String ALPHABET = "*/x≥>=N+ ,;()-:.0123456789ACGTacgtrsmcRefHLAB";

    @Test
    void noOtherExceptionTypeEscapes() {
        PhenotypeCaller caller = PhenotypeCaller.load(0);
        Random random = new Random(20261123);
        List<String> genes = new ArrayList<>(GeneRegistry.loadDefault().symbols());
        genes.add("nonsense");
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < 20_000; i++) {
            String gene = genes.get(random.nextInt(genes.size()));
            String text = randomText(random);
            GeneInput input = switch (i % 4) {
                case 0, 1 -> GeneInput.diplotype(gene, text);
                case 2 -> GeneInput.phenotype(gene, text);
                default -> GeneInput.activityScore(gene, text);
            };
            try {
                assertThat(caller.call(input)).isNotNull();
                answered++;
            } catch (PgxException e) {
                assertThat(e.getMessage()).isNotBlank();
                refused++;
            } catch (RuntimeException e) {
                fail("'" + gene + "' / '" + text + "' threw " + e, e);
            }
        }
        assertThat(answered + refused).isEqualTo(20_000);
    }

    private static String randomText(Random random) {
        int length = random.nextInt(14);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < length; j++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        if (random.nextBoolean()) {
            sb.insert(0, "*" + random.nextInt(50) + "/");
        }
        return sb.toString();
    }
}
