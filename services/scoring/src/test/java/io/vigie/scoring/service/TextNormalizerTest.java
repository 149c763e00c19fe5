package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What language identification gets to read of a post. */
class TextNormalizerTest {

    @Test
    void twitterWordsHandlesLinksAndHashtagsAreDropped() {
        assertEquals("Tout l'écosystème  en une image",
                TextNormalizer.wordsOnly("RT @user: Tout l'écosystème #socialmedia en une image ! http via @user http"));
        assertEquals("Quand la moule menace", TextNormalizer.wordsOnly("Quand la moule menace &gt; http - http…"));
        // "via" and "rt" as ordinary words stay
        assertEquals("la via principale rt", TextNormalizer.wordsOnly("la via principale rt"));
    }

    @Test
    void hashtagWordsOnRequestAndMojibakeIsNoLetter() {
        assertEquals("ich will bei dir bleiben", TextNormalizer.wordsWithHashtags("#ich #will #bei #dir #bleiben http"));
        assertEquals("mijloc  sau", TextNormalizer.wordsOnly("mijloc ďż˝ sau"));
    }
}
