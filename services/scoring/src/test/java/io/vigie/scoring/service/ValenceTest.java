package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The committed valence lexicon and how the sentiment features read it. */
class ValenceTest {

    @Test
    void everyServedLanguageHasItsOwnList() {
        for (String lang : new String[] {"en", "fr", "de", "es", "pt", "it", "nl", "sk", "cs", "pl"}) {
            assertTrue(Valence.size(lang) > 2000, lang + " has " + Valence.size(lang) + " words");
        }
        assertEquals(0, Valence.size("sv"));
        assertEquals(0, Valence.size("und"));
    }

    @Test
    void wordsAreLookedUpInTheirLanguageOnly() {
        assertEquals(-3, Valence.of("en", "terrible"));
        assertEquals(3, Valence.of("en", "good"));
        assertEquals(4, Valence.of("fr", "génial"));
        assertEquals(-2, Valence.of("nl", "slecht"));
        assertEquals(3, Valence.of("pl", "dobry"));
        assertEquals(0, Valence.of("en", "slecht"));
        assertEquals(0, Valence.of("und", "terrible"));
        assertEquals(0, Valence.of("en", "laptop"));
    }

    @Test
    void anInflectedFormFindsTheValenceOfItsStem() {
        // not listed themselves; their Snowball stems are those of listed words (génial, horrible, fantastico, ...)
        assertEquals(4, Valence.of("fr", "géniaux"));
        assertEquals(4, Valence.of("fr", "géniale"));
        assertEquals(-2, Valence.of("es", "horribles"));
        assertEquals(4, Valence.of("it", "fantastiche"));
        assertEquals(-3, Valence.of("de", "schrecklichen"));
        assertEquals(3, Valence.of("pt", "maravilhosos"));
        assertEquals(0, Valence.of("fr", "ordinateur"));
        // English is not stemmed: its list already holds the inflected forms, and Porter stems conflate too much
        assertEquals(-2, Valence.of("en", "abandoned"));
        assertEquals(0, Valence.of("en", "abandoning"));
        // no stemmer for Slovak, Czech or Polish: their lists are read as they are
        assertEquals(0, Valence.of("pl", "dobrymi"));
    }

    @Test
    void aNegatedWordCountsOnTheOtherSide() {
        SentimentFeatures f = new SentimentFeatures(20);
        int pos = HashedFeatures.mix("x:afpos".hashCode()) & ((1 << 20) - 1);
        int neg = HashedFeatures.mix("x:afneg".hashCode()) & ((1 << 20) - 1);
        int plus3 = HashedFeatures.mix("a:3".hashCode()) & ((1 << 20) - 1);
        int minus3 = HashedFeatures.mix("a:-3".hashCode()) & ((1 << 20) - 1);
        Set<Integer> plain = ids(f.extract("the update is good", "en"));
        assertTrue(plain.containsAll(Set.of(pos, plus3)));
        assertFalse(plain.contains(neg) || plain.contains(minus3));
        Set<Integer> negated = ids(f.extract("the update is not good", "en"));
        assertTrue(negated.containsAll(Set.of(neg, minus3)));
        assertFalse(negated.contains(pos) || negated.contains(plus3));
        // the list of the identified language only: English words in a Swedish-identified post count for nothing
        Set<Integer> other = ids(f.extract("the update is good", "sv"));
        assertFalse(other.contains(pos) || other.contains(neg) || other.contains(plus3));
    }

    private static Set<Integer> ids(SentimentFeatures.Vector v) {
        Set<Integer> out = new HashSet<>();
        for (int id : v.ids()) {
            out.add(id);
        }
        return out;
    }
}
