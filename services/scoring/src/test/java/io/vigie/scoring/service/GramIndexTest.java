package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The packed n-gram index answers exactly what a map keyed by the n-gram's string answers. */
class GramIndexTest {

    @Test
    void answersAsAStringMapForEveryGramAndForAbsentOnes() {
        Random random = new Random(7);
        Map<String, float[]> rows = new HashMap<>();
        // Dense runs of letters (Latin, accented, Cyrillic, CJK), where String hash codes collide the most.
        char[] alphabet = "abcdefghijklmnopqrstuvwxyzàáâäçèéêëíîïñóôöúûüčďěňřšťůžąćęłńśźżабвгдеж中文日本".toCharArray();
        while (rows.size() < 50_000) {
            int length = 1 + random.nextInt(GramIndex.MAX_LENGTH);
            StringBuilder gram = new StringBuilder();
            for (int i = 0; i < length; i++) {
                gram.append(alphabet[random.nextInt(alphabet.length)]);
            }
            rows.putIfAbsent(gram.toString(), new float[] {random.nextFloat()});
        }
        GramIndex index = GramIndex.of(rows);
        for (Map.Entry<String, float[]> e : rows.entrySet()) {
            String gram = e.getKey();
            assertSame(e.getValue(), index.get(GramIndex.key(gram, 0, gram.length())), gram);
            // The same n-gram read inside a longer text.
            String text = "x " + gram + " y";
            assertSame(e.getValue(), index.get(GramIndex.key(text, 2, 2 + gram.length())), gram);
        }
        int absent = 0;
        for (int i = 0; i < 20_000; i++) {
            String gram = "" + alphabet[random.nextInt(alphabet.length)] + (char) ('A' + random.nextInt(26));
            if (!rows.containsKey(gram)) {
                assertNull(index.get(GramIndex.key(gram, 0, gram.length())), gram);
                absent++;
            }
        }
        assertNotEquals(0, absent);
    }

    @Test
    void keysAreExactAcrossLengths() {
        Set<Long> keys = new HashSet<>();
        for (String gram : new String[] {"a", "\u0000", "\u0000a", "a\u0000", "aa", "\u0000\u0000a", "Aa", "BB", "aaa",
                "\uffff\uffff\uffff"}) {
            long key = GramIndex.key(gram, 0, gram.length());
            assertNotEquals(0L, key, gram);
            if (!keys.add(key)) {
                throw new AssertionError("two n-grams share the key of '" + gram + "'");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> GramIndex.of(Map.of("abcd", new float[1])));
    }
}
