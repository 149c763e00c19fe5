package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A post's features do not depend on the posts extracted before it on the same thread (the working arrays are kept). */
class SentimentFeaturesTest {

    @Test
    void aPostGivesTheSameVectorWhateverCameBeforeIt() {
        SentimentFeatures features = new SentimentFeatures(20);
        String post = "Mon écran reste noir après la mise à jour, c'est pas génial 😡 #help";
        SentimentFeatures.Vector first = features.extract(post, "fr");
        // a much longer post (its features overflow the kept arrays and grow them), then a short one
        features.extract("word ".repeat(3_000) + "great", "en");
        features.extract("ok", "en");
        // and one whose features outgrow what a thread keeps at all
        SentimentFeatures.Vector huge = features.extract("antidisestablishmentarianism ".repeat(2_000), "en");
        assertTrue(huge.ids().length > 1 << 15, "features " + huge.ids().length);
        SentimentFeatures.Vector again = features.extract(post, "fr");
        assertArrayEquals(first.ids(), again.ids());
        assertArrayEquals(first.values(), again.values());
        double norm = 0;
        for (float v : again.values()) {
            norm += v * v;
        }
        assertEquals(1.0, norm, 1e-4);
    }
}
