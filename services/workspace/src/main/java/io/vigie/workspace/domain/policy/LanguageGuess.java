package io.vigie.workspace.domain.policy;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Guesses the language of a short reply from distinctive function words and letters; null when it cannot tell. */
public final class LanguageGuess {

    /** The languages it knows, which are the ones the policy checks. */
    public static final Set<String> LANGUAGES = Set.of("en", "fr", "de", "es", "pt", "it", "nl", "sk");

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("the", "and", "are", "you", "your", "our", "this", "that", "with", "for", "have", "will",
                    "please", "thanks", "thank", "sorry", "hello", "can", "not", "it's", "we're", "let", "know", "us"),
            "fr", Set.of("le", "les", "des", "est", "vous", "votre", "nous", "notre", "pour", "avec", "pas", "une",
                    "merci", "bonjour", "désolé", "désolés", "cette", "sur", "dans", "qui", "au", "aux", "êtes", "c'est"),
            "de", Set.of("der", "die", "das", "und", "ist", "sie", "ihr", "ihre", "wir", "nicht", "mit", "für", "ein",
                    "eine", "danke", "bitte", "hallo", "auf", "ich", "den", "dem", "zu", "uns", "leider", "gerne"),
            "es", Set.of("el", "los", "las", "está", "usted", "nosotros", "gracias", "hola", "por", "del", "lo",
                    "muy", "tu", "te", "puedes", "hemos", "sentimos", "ayudarte", "y", "tus", "estamos"),
            "pt", Set.of("o", "os", "você", "seu", "sua", "nós", "com", "obrigado", "obrigada", "olá", "não", "do",
                    "da", "dos", "das", "em", "vamos", "podemos", "ajudar", "estamos", "e", "lamentamos"),
            "it", Set.of("gli", "è", "sei", "noi", "per", "grazie", "ciao", "non", "che", "di", "della", "sono",
                    "siamo", "ti", "può", "puoi", "ci", "aiutarti", "scusa", "dispiace", "questo"),
            "nl", Set.of("het", "een", "en", "u", "uw", "jij", "wij", "niet", "met", "voor", "bedankt", "dank",
                    "van", "op", "dat", "ons", "graag", "helaas", "kunt", "kun", "jouw", "hebben", "wat"),
            "sk", Set.of("sa", "vám", "vás", "váš", "vaše", "nie", "so", "pre", "ďakujeme", "ďakujem", "dobrý",
                    "deň", "ako", "že", "prosím", "môžete", "sme", "ste", "ľúto", "pomôcť", "aj", "alebo", "už"));

    private static final Map<String, String> LETTERS = Map.of(
            "sk", "ďľžščťňôäŕĺ", "pt", "ãõç", "es", "ñ¿¡", "de", "ßüö", "fr", "çèêëœ");

    private LanguageGuess() {
    }

    /** The language of {@code text}, or null when the evidence is too thin or split. */
    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        Map<String, Integer> score = new HashMap<>();
        for (String token : lower.split("[^\\p{L}']+")) {
            WORDS.forEach((lang, words) -> {
                if (words.contains(token)) {
                    score.merge(lang, 1, Integer::sum);
                }
            });
        }
        LETTERS.forEach((lang, letters) -> {
            for (char c : letters.toCharArray()) {
                if (lower.indexOf(c) >= 0) {
                    score.merge(lang, 1, Integer::sum);
                    return;
                }
            }
        });
        String best = null;
        int top = 0;
        int second = 0;
        for (Map.Entry<String, Integer> e : score.entrySet()) {
            if (e.getValue() > top) {
                second = top;
                top = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return top >= 2 && top > second ? best : null;
    }
}
