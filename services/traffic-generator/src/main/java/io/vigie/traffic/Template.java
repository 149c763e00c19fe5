package io.vigie.traffic;

import java.util.ArrayList;
import java.util.List;

/**
 * One hand-written line of a language file, compiled once: literals, {@code {slot}} placeholders and
 * {@code [a|b|c]} alternatives. A slot written with a capital ({@code {Billing}}) capitalises its value.
 */
final class Template {

    /** A piece of a compiled template. */
    sealed interface Token permits Literal, Slot, Choice {
    }

    /** Text copied as is. */
    record Literal(String text) implements Token {
    }

    /** A placeholder filled by the renderer. */
    record Slot(String name, boolean capitalize) implements Token {
    }

    /** Alternatives, one of which is rendered. */
    record Choice(List<List<Token>> options) implements Token {
    }

    private final Sentiment sentiment;
    private final List<Token> tokens;
    private final String source;

    private Template(Sentiment sentiment, List<Token> tokens, String source) {
        this.sentiment = sentiment;
        this.tokens = tokens;
        this.source = source;
    }

    /** Compiles a line; {@code sentiment} is {@code null} for lexicon entries. */
    static Template compile(Sentiment sentiment, String source) {
        return new Template(sentiment, List.copyOf(parse(source, false)), source);
    }

    private static List<Token> parse(String text, boolean insideChoice) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed '{' in template: " + text);
                }
                flush(literal, tokens);
                String name = text.substring(i + 1, close);
                if (name.isEmpty() || !name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_')) {
                    throw new IllegalArgumentException("Bad slot '{" + name + "}' in template: " + text);
                }
                boolean capitalize = Character.isUpperCase(name.charAt(0));
                String key = Character.toLowerCase(name.charAt(0)) + name.substring(1);
                tokens.add(new Slot(key, capitalize));
                i = close + 1;
            } else if (c == '[' && !insideChoice) {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("Unclosed '[' in template: " + text);
                }
                flush(literal, tokens);
                List<List<Token>> options = new ArrayList<>();
                for (String option : text.substring(i + 1, close).split("\\|", -1)) {
                    options.add(List.copyOf(parse(option, true)));
                }
                tokens.add(new Choice(List.copyOf(options)));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        flush(literal, tokens);
        return tokens;
    }

    private static void flush(StringBuilder literal, List<Token> tokens) {
        if (!literal.isEmpty()) {
            tokens.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    Sentiment sentiment() {
        return sentiment;
    }

    List<Token> tokens() {
        return tokens;
    }

    /** The line as written in the language file. */
    String source() {
        return source;
    }
}
