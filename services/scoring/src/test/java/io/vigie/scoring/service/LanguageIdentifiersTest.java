package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Both selectable identifiers (ngram, lingua) agree on clear cases: served languages, decoys and other scripts. */
class LanguageIdentifiersTest {

    private static final Set<String> SERVED = ScorerSettings.codes(ScorerSettings.DEFAULT_LANGUAGES);
    private static final Set<String> DECOYS = ScorerSettings.codes(ScorerSettings.DEFAULT_DECOYS);

    @Test
    void servedLanguagesDecoysAndOtherScripts() {
        for (LanguageIdentifier id : List.of(new NgramLanguageIdentifier(SERVED, DECOYS, 3, 200),
                new LinguaLanguageIdentifier(SERVED, DECOYS, false, 3, 200))) {
            assertEquals("it", id.identify("Il mio portatile non si accende più dopo l'aggiornamento"), id.describe());
            assertEquals("cs", id.identify("Dobrý den, kdy bude k dispozici nová verze ovladače pro tiskárnu?"), id.describe());
            assertEquals("es", id.identify("¿Cuándo llega mi pedido? Ya pasaron dos semanas"), id.describe());
            assertEquals("und", id.identify("Kannettavani ei käynnisty päivityksen jälkeen"), id.describe());
            assertEquals("und", id.identify("アップデートの後にパソコンが起動しません"), id.describe());
            assertEquals("und", id.identify("@NordlysCare 👍 https://t.co/x1"), id.describe());
        }
    }

    @Test
    void tweetsAreReadWithoutTwitterWordsAndHashtagOnlyPostsByTheirHashtags() {
        NgramLanguageIdentifier id = new NgramLanguageIdentifier(SERVED, DECOYS, 3, 200);
        assertEquals("fr", id.identify("Quand la moule menace les centrales électriques &gt; http - http"));
        assertEquals("de", id.identify("#ich #will #bei #dir #bleiben #mein #leben #lang http"));
        assertEquals("und", id.identify("RT @user: http via @user"));
    }

    @Test
    void czechAndSlovakWithoutDiacriticsAreReadByTheFoldedTable() {
        NgramLanguageIdentifier id = new NgramLanguageIdentifier(SERVED, DECOYS, 3, 200);
        assertEquals("c", NgramLanguageIdentifier.foldToAscii("č"));
        assertEquals("zolw", NgramLanguageIdentifier.foldToAscii("żółw"));
        assertEquals(null, NgramLanguageIdentifier.foldToAscii("ß"));
        assertEquals("cs", id.identify("Dobry den, kdy bude k dispozici nova verze ovladace pro tiskarnu? Uz na to cekam tyden."));
        assertEquals("sk", id.identify("Dobry den, kedy bude k dispozicii nova verzia ovladaca pre tlaciaren? Uz na to cakam tyzden."));
        assertEquals("en", id.identify("When will the new printer driver be available? I have been waiting for a week."));
    }

    @Test
    void theFirstLettersOfEveryWordCount() {
        // Read by their trigrams alone, these three were und (Finnish, Lithuanian, Estonian): the letters a word
        // starts with ("h", "ha" of "hasta", "w", "wo" of "wo") are evidence too.
        NgramLanguageIdentifier id = new NgramLanguageIdentifier(SERVED, DECOYS, 3, 200);
        assertEquals("es", id.identify("Hasta el 31 de agosto."));
        assertEquals("de", id.identify("Wo findet man Jusos im Rhein-Neckar-Kreis?"));
        assertEquals("pt", id.identify("Quero um pijama desseeeee #MaisVoce"));
    }

    @Test
    void shortPortugueseTweetsAreReadByTheTweetModelAndShortGermanicTextsAreNot() {
        NgramLanguageIdentifier full = new NgramLanguageIdentifier(SERVED, DECOYS, 3, 200);
        NgramLanguageIdentifier tableAndPairs = new NgramLanguageIdentifier(SERVED, DECOYS, 3, 200,
                NgramLanguageIdentifier.committedPairModel());
        org.junit.jupiter.api.Assertions.assertTrue(full.describe().contains("tweet model"), full.describe());
        // the table alone: Dutch, and und (a decoy)
        assertEquals("nl", tableAndPairs.identify("EU TO SURTANDOOO  #MaisVoce"));
        assertEquals("und", tableAndPairs.identify("Hj tem Dr Drauzio Varela no #ConversaComBial"));
        assertEquals("pt", full.identify("EU TO SURTANDOOO  #MaisVoce"));
        assertEquals("pt", full.identify("Hj tem Dr Drauzio Varela no #ConversaComBial"));
        // the tweet model knows German but no Dutch tweets: it may only move a text to a Romance language
        assertEquals("nl", full.identify("Ik ben er bijna, tot zo"));
        assertEquals("de", full.identify("Wir sehen uns morgen"));
        assertEquals("sk", full.identify("Dnes je pekný deň"));
    }

    @Test
    void unknownLanguageCodesAreRefusedClearly() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new NgramLanguageIdentifier(Set.of("xx"), Set.of(), 3, 200));
    }
}
