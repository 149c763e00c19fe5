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

    @Test
    void utf8ReadAsWindows1250Or1252IsDecodedBackAndRealLettersStay() {
        assertEquals("Nejlépe to vysvětlí následující příklad",
                TextNormalizer.wordsOnly("NejlĂ©pe to vysvÄ›tlĂ­ nĂˇsledujĂ­cĂ­ pĹ™Ă­klad:"));
        assertEquals("café crème", TextNormalizer.wordsOnly("cafÃ© crÃ¨me"));
        assertEquals("Ce este Programul PRIMA CASĂ", TextNormalizer.wordsOnly("Ce este Programul PRIMA CASĂ?"));
        assertEquals("Ärger mit Åsa", TextNormalizer.wordsOnly("Ärger mit Åsa"));
    }
}
