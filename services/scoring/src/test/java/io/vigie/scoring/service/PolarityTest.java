package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The committed Pattern polarities (French and Italian) and how the sentiment features read them. */
class PolarityTest {

    @Test
    void frenchAndItalianHaveTheirListsAndNoOtherLanguageHasOne() {
        assertTrue(Polarity.size("fr") > 4000, "fr has " + Polarity.size("fr"));
        assertTrue(Polarity.size("it") > 2000, "it has " + Polarity.size("it"));
        for (String lang : new String[] {"en", "de", "es", "pt", "nl", "und"}) {
            assertEquals(0, Polarity.size(lang), lang);
        }
    }

    @Test
    void wordsAreLookedUpInTheirLanguageOnly() {
        assertEquals(1f, Polarity.of("fr", "magnifique"));
        assertEquals(-1f, Polarity.of("fr", "déçue"));
        assertEquals(1f, Polarity.of("it", "ottimo"));
        assertEquals(-0.83f, Polarity.of("it", "pessimo"), 1e-6);
        assertEquals(0f, Polarity.of("en", "magnifique"));
        assertEquals(0f, Polarity.of("it", "magnifique"));
        assertEquals(0f, Polarity.of("fr", "ordinateur"));
    }

    @Test
    void anUnlistedFormFindsTheMeanPolarityOfItsStem() {
        // not listed themselves; their Snowball stems are those of listed words (génial, géniale, deludente)
        assertEquals(0.9f, Polarity.of("fr", "géniaux"), 1e-6);
        assertEquals(-0.67f, Polarity.of("it", "deludenti"), 1e-6);
        assertEquals(Polarity.of("fr", "géniaux"), Polarity.of("fr", "géniaux", Stems.of("fr", "géniaux")));
    }

    @Test
    void aPolarityWordGivesItsBucketTurnedTheOtherWayInANegation() {
        SentimentFeatures features = new SentimentFeatures(20);
        int positive = bucket("q:4");
        int negative = bucket("q:-4");
        assertTrue(has(features.extract("le service est magnifique", "fr"), positive));
        assertTrue(has(features.extract("le service n'est pas magnifique", "fr"), negative));
        assertTrue(!has(features.extract("le service n'est pas magnifique", "fr"), positive));
        // English has no Pattern list: the same word gives no polarity feature
        assertTrue(!has(features.extract("the service is magnifique", "en"), positive));
    }

    /** The bucket of a feature shared by all languages (each feature also has one crossed with the language). */
    private static int bucket(String feature) {
        return HashedFeatures.mix(feature.hashCode()) & ((1 << 20) - 1);
    }

    private static boolean has(SentimentFeatures.Vector v, int id) {
        return Arrays.stream(v.ids()).anyMatch(i -> i == id);
    }
}
