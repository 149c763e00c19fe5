package io.vigie.centres.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Terms counted for rising terms. */
class TermsTest {

    @Test
    void wordsHashtagsNoStopWordsNoUrlsNoHandles() {
        Set<String> terms = Terms.of("@NordlysCare After the Antivirus update my laptop still crashes!! "
                + "https://t.co/x1 #BSOD crashes 2026");
        assertEquals(List.of("antivirus", "update", "laptop", "crashes", "#bsod"), List.copyOf(terms));
    }

    @Test
    void dotsUnderscoresAndHyphensAreTrimmedFromTheEndsOnly() {
        assertEquals(List.of("wi-fi", "re_boot", "v2.1"), List.copyOf(Terms.of("...wi-fi-- __re_boot__ -v2.1.")));
        assertEquals("", Terms.trimPunctuation("-._"));
        assertEquals("a.b", Terms.trimPunctuation("a.b"));
    }

    @Test
    void accentsAreKept() {
        assertEquals(List.of("écran", "noir", "démarrer"), List.copyOf(Terms.of("Mon écran reste noir, impossible de démarrer")
                .stream().filter(t -> !t.equals("reste") && !t.equals("impossible")).toList()));
    }

    @Test
    void questionsGetASignatureOfTheirFirstThreeTerms() {
        assertEquals("antivirus forge update", Terms.questionSignature("How do I update the antivirus on my Forge? #help"));
        assertEquals("antivirus forge update", Terms.questionSignature("Antivirus update for Forge, how?"));
        assertEquals(null, Terms.questionSignature("Antivirus update for Forge is out"));
        assertEquals(null, Terms.questionSignature("Why??"));
    }
}
