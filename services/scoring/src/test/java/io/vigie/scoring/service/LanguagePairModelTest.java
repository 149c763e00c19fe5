package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pair model reads back what it wrote, ships with the service, and settles Portuguese against Spanish. */
class LanguagePairModelTest {

    @Test
    void roundTripKeepsTheLogits() throws Exception {
        float[] w = new float[2 << 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = LanguagePairModel.roundToStorage((i % 7 - 3) / 10f);
        }
        LanguagePairModel m = new LanguagePairModel(List.of("es", "pt"), 4, w, new float[] {0.5f, -0.5f}, 8, "test");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        LanguagePairModel back = LanguagePairModel.read(new ByteArrayInputStream(out.toByteArray()));
        LanguagePairModel.Vector v = m.features("não sei");
        assertArrayEquals(m.logits(v), back.logits(v), 1e-6);
        assertEquals(8, back.weight());
        assertEquals(List.of("es", "pt"), back.languages());
    }

    @Test
    void committedModelTellsPortugueseFromSpanishInTweets() {
        LanguagePairModel pairs = NgramLanguageIdentifier.committedPairModel();
        assertNotNull(pairs, NgramLanguageIdentifier.PAIR_MODEL + " is committed");
        NgramLanguageIdentifier id = new NgramLanguageIdentifier(ScorerSettings.codes(ScorerSettings.DEFAULT_LANGUAGES),
                ScorerSettings.codes(ScorerSettings.DEFAULT_DECOYS), 3, 200, pairs);
        assertEquals("pt", id.identify("@user vc viu o programa ontem? to muito feliz pra caramba"));
        assertEquals("es", id.identify("@user no es tan difícil, pero muy cansado hoy"));
        assertEquals(Set.of("es", "pt", "fr", "it"), Set.copyOf(pairs.languages()));
    }
}
