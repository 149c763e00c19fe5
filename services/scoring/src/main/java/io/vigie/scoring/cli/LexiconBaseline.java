package io.vigie.scoring.cli;

import io.vigie.events.Sentiment;
import io.vigie.scoring.service.Lexicon;
import io.vigie.scoring.service.TextNormalizer;
import java.util.Locale;

/** The comparison for the trained model: sign of (positive - negative) lexicon words and emoji, negation flips. */
final class LexiconBaseline {

    private LexiconBaseline() {
    }

    static String label(String text) {
        String s = TextNormalizer.clean(text).toLowerCase(Locale.ROOT).replace('’', '\'');
        int sum = 0;
        int negation = 0;
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= s.length(); i++) {
            int cp = i < s.length() ? s.codePointAt(i) : ' ';
            if (Character.isLetter(cp) || cp == '\'') {
                word.appendCodePoint(cp);
            } else {
                if (word.length() > 0) {
                    String w = word.toString();
                    int p = Lexicon.polarity(w);
                    sum += negation > 0 ? -p : p;
                    negation = Lexicon.isNegator(w) ? 3 : Math.max(0, negation - 1);
                    word.setLength(0);
                }
                sum += Lexicon.emojiPolarity(cp);
                if (cp == '.' || cp == '!' || cp == '?' || cp == ',') {
                    negation = 0;
                }
            }
            if (i < s.length() && Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
        }
        return sum > 0 ? Sentiment.POSITIVE : sum < 0 ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }
}
