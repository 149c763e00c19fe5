package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigie.events.Sentiment;
import io.vigie.scoring.domain.TextScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The text scorer with the committed model and rules: language, sentiment, topics, segment, signals. */
class TextScorerTest {

    static TextScorer scorer;

    @BeforeAll
    static void load() {
        scorer = TextScorer.create(ScorerSettings.defaults());
    }

    @Test
    void languageIgnoresHandlesHashtagsUrlsAndEmoji() {
        assertEquals("fr", scorer.score("@NordlysCare mon écran reste noir depuis la mise à jour 😡 #NordOS https://t.co/x1", null).language());
        assertEquals("de", scorer.score("@NordlysCare Seit dem Update startet mein Laptop nicht mehr #help", null).language());
        assertEquals("pt", scorer.score("Comprei ontem e já não funciona, que vergonha 😤", null).language());
        assertEquals("pl", scorer.score("Dlaczego drukarka nie działa po aktualizacji?", null).language());
        assertEquals("nl", scorer.score("Mijn laptop werkt niet meer na de update", null).language());
    }

    @Test
    void otherLanguagesAndTextsWithoutWordsAreUndetermined() {
        assertEquals("und", scorer.score("Min dator fungerar inte efter uppdateringen, vad ska jag göra?", null).language());
        assertEquals("und", scorer.score("Мой ноутбук не включается после обновления", null).language());
        assertEquals("und", scorer.score("😡😡😡 @NordlysCare https://t.co/x1 #fail", null).language());
    }

    @Test
    void theNetworksHintSettlesShortAmbiguousTextsOnly() {
        assertEquals("en", scorer.score("Is NordOS 12 out yet?", "en").language());
        assertEquals("de", scorer.score("Seit dem Update startet mein Laptop nicht mehr", "en").language());
        assertEquals("und", scorer.score("Min dator fungerar inte efter uppdateringen, vad ska jag göra?", "en").language());
        assertEquals("und", scorer.score("👍", "es").language());
    }

    @Test
    void sentimentSeparatesObviousCases() {
        Sentiment bad = scorer.score("This is the worst update ever, my laptop is broken and support is useless 😡", null).sentiment();
        Sentiment good = scorer.score("Thank you so much, the new laptop is amazing, I love it! 😍", null).sentiment();
        assertEquals(Sentiment.NEGATIVE, bad.label());
        assertEquals(Sentiment.POSITIVE, good.label());
        assertTrue(bad.score() < 0 && good.score() > 0 && bad.score() >= -1 && good.score() <= 1, bad + " " + good);
        assertEquals(Sentiment.POSITIVE, scorer.score("Merci beaucoup, c'est génial, j'adore !", null).sentiment().label());
        assertEquals(Sentiment.NEGATIVE, scorer.score("Das ist eine Katastrophe, total enttäuscht und wütend", null).sentiment().label());
    }

    @Test
    void topicsSegmentProductLineAndSignals() {
        TextScore s = scorer.score("We were double charged on the invoice for our company's 40 laptops, I want a refund or we call our lawyer!!", null);
        assertEquals("billing_delivery", s.topic());
        assertEquals("business", s.segment());
        assertEquals("laptops", s.productLine());
        assertTrue(s.signals().containsAll(java.util.List.of("legal", "refund", "punctuation")), s.signals().toString());

        TextScore fire = scorer.score("Mon ordinateur a pris feu, il y a de la fumée partout", null);
        assertEquals("security_incident", fire.topic());
        assertTrue(fire.signals().contains("safety"), fire.signals().toString());
        assertTrue(Urgency.of(fire, 0) > Urgency.of(scorer.score("Quel est le prix du nouveau modèle ?", null), 0));

        TextScore plain = scorer.score("Just saw the new ad on TV", null);
        assertEquals("other", plain.topic());
        assertEquals("consumer", plain.segment());
        assertNull(plain.productLine());
        assertTrue(scorer.score("WHY IS NOTHING WORKING TODAY", null).signals().contains("caps"));
    }

    @Test
    void helpfulAnswersAreRecognisedQuestionsAreNot() {
        assertTrue(scorer.score("You can fix it: go to Settings > Update and reinstall the driver, worked for me", null).helpfulAnswer());
        assertTrue(!scorer.score("Can you try again please?", null).helpfulAnswer());
    }
}
