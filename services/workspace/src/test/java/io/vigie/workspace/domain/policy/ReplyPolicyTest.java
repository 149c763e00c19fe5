package io.vigie.workspace.domain.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The public-reply policy as a table of drafts in every supported language, with the expected verdict. */
class ReplyPolicyTest {

    static Stream<Arguments> table() throws IOException {
        try (InputStream in = ReplyPolicyTest.class.getResourceAsStream("/policy-cases.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(c -> Arguments.of(c[0], c[1], c[2]))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @MethodSource("table")
    void draftGetsTheExpectedVerdict(String language, String draft, String expected) {
        PolicyVerdict verdict = ReplyPolicy.check(PolicyInput.ofText(draft, language));
        Set<String> want = "ok".equals(expected) ? Set.of() : new TreeSet<>(Arrays.asList(expected.split(",")));
        assertEquals(want, new TreeSet<>(verdict.rules()), () -> "violations: " + verdict.violations());
        assertEquals(want.isEmpty(), verdict.allowed());
    }

    @Test
    void everyLanguageHasCleanAndBlockedRows() throws IOException {
        List<Arguments> rows = table().toList();
        for (String lang : LanguageGuess.LANGUAGES) {
            assertTrue(rows.stream().anyMatch(a -> a.get()[0].equals(lang) && a.get()[2].equals("ok")), lang);
            assertTrue(rows.stream().anyMatch(a -> a.get()[0].equals(lang) && a.get()[2].toString().contains("off_network")), lang);
        }
    }

    @Test
    void cleanRepliesAreRecognisedInTheirLanguage() throws IOException {
        table().filter(a -> a.get()[2].equals("ok")).forEach(a -> assertEquals(a.get()[0],
                LanguageGuess.of((String) a.get()[1]), () -> "language of " + a.get()[1]));
    }

    @Test
    void replyInAnotherLanguageThanTheCustomersIsBlocked() {
        PolicyVerdict detected = ReplyPolicy.check(PolicyInput.ofText(
                "Sorry to hear that, can you tell us which version you have? We are here to help.", "fr"));
        assertEquals(List.of(ReplyPolicy.WRONG_LANGUAGE), detected.rules());
        assertEquals("en", detected.detectedLanguage());
        PolicyVerdict declared = ReplyPolicy.check(new PolicyInput("Ok", "en", "de", null, null, null, Set.of(), List.of()));
        assertEquals(List.of(ReplyPolicy.WRONG_LANGUAGE), declared.rules());
        PolicyVerdict unknownCustomer = ReplyPolicy.check(PolicyInput.ofText("Thanks, we are on it for you.", "und"));
        assertTrue(unknownCustomer.allowed());
    }

    @Test
    void echoedOrderAndSerialNumbersAreBlockedButOtherNumbersAreNot() {
        List<String> customer = List.of("Commande #FR-2291-7731 jamais reçue, numéro de série 5CD1234XYZ");
        PolicyVerdict echoed = ReplyPolicy.check(new PolicyInput(
                "Merci, nous suivons la commande FR-2291-7731 pour vous.", "fr", "fr", null, null, null, Set.of(), customer));
        assertEquals(List.of(ReplyPolicy.ECHOED), echoed.rules());
        assertEquals("FR-2291-7731", echoed.violations().get(0).excerpt());
        PolicyVerdict serial = ReplyPolicy.check(new PolicyInput(
                "Merci, le 5cd1234xyz est bien sous garantie pour vous.", "fr", "fr", null, null, null, Set.of(), customer));
        assertEquals(List.of(ReplyPolicy.ECHOED), serial.rules());
        PolicyVerdict other = ReplyPolicy.check(new PolicyInput(
                "Merci, la version 2291 corrige cela pour vous.", "fr", "fr", null, null, null, Set.of(), customer));
        assertTrue(other.allowed(), () -> other.violations().toString());
    }

    @Test
    void wrongBrandAccountAndSecondReplyAreBlocked() {
        PolicyVerdict account = ReplyPolicy.check(new PolicyInput("Thanks, we are on it for you.", "en", "en",
                "x:@NordlysGaming", "x:@NordlysCare", "1", Set.of(), List.of()));
        assertEquals(List.of(ReplyPolicy.WRONG_ACCOUNT), account.rules());
        PolicyVerdict second = ReplyPolicy.check(new PolicyInput("Thanks, we are on it for you.", "en", "en",
                "x:@NordlysCare", "x:@NordlysCare", "1", Set.of("1"), List.of()));
        assertEquals(List.of(ReplyPolicy.SECOND_REPLY), second.rules());
        assertTrue(ReplyPolicy.check(new PolicyInput("Thanks, we are on it for you.", "en", "en",
                "x:@nordlyscare", "x:@NordlysCare", "2", Set.of("1"), List.of())).allowed());
    }

    @Test
    void violationsPointAtTheOffendingText() {
        String draft = "Please DM us your details.";
        PolicyVerdict v = ReplyPolicy.check(PolicyInput.ofText(draft, "en"));
        PolicyViolation first = v.violations().get(0);
        assertEquals("DM", draft.substring(first.start(), first.end()));
        assertFalse(ReplyPolicy.check(PolicyInput.ofText("", "en")).allowed());
    }
}
