package io.vigie.traffic;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a {@link Template}'s slots (products, issues, emoji, numbers...) from the language's lexicons, so the same
 * hand-written sentence comes out in many natural variants.
 */
final class TextRenderer {

    private static final List<String> POSITIVE_EMOJI = List.of("😍", "🙌", "👏", "🔥", "❤️", "😊", "👍", "🥳", "💯");
    private static final List<String> NEUTRAL_EMOJI = List.of("🤔", "🙏", "👀", "🧐", "💻");
    private static final List<String> NEGATIVE_EMOJI = List.of("😡", "😤", "🙄", "😩", "😠", "🤬", "💀", "😞", "🤦");

    private final Catalog catalog;

    TextRenderer(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Result of a rendering: the text and the values chosen for its slots (e.g. {@code product}). */
    record Rendered(String text, Map<String, String> values) {
    }

    /** Renders a template; slots used twice get the same value ({@code product2} differs from {@code product}). */
    Rendered render(Template template, Language language, Network network, ProductLine line, Rng rng) {
        Map<String, String> values = new HashMap<>();
        Sentiment sentiment = template.sentiment() == null ? Sentiment.NEUTRAL : template.sentiment();
        StringBuilder out = new StringBuilder();
        append(template.tokens(), out, values, language, network, line, sentiment, rng);
        return new Rendered(elide(language, tidy(out.toString())), values);
    }

    /** French and Italian articles before a short model name starting with a vowel ("le Aero 14" becomes "l'Aero 14"). */
    static String elide(Language language, String text) {
        List<Elision> rules = switch (language) {
            case FR -> FRENCH_ELISIONS;
            case IT -> ITALIAN_ELISIONS;
            default -> List.of();
        };
        if (rules.isEmpty() || !text.contains("Aero")) {
            return text;
        }
        for (Elision rule : rules) {
            text = rule.pattern().matcher(text).replaceAll(rule.replacement());
        }
        return text;
    }

    /** One article contraction, e.g. "du Aero" to "de l'Aero". */
    private record Elision(Pattern pattern, String replacement) {
        static Elision of(String article, String contracted) {
            return new Elision(Pattern.compile("(?<![\\p{L}\\p{N}'])" + article + " Aero(?!\\p{L})"),
                    Matcher.quoteReplacement(contracted + "Aero"));
        }
    }

    private static final List<Elision> FRENCH_ELISIONS = List.of(
            Elision.of("le", "l'"), Elision.of("Le", "L'"), Elision.of("du", "de l'"), Elision.of("au", "à l'"),
            Elision.of("de", "d'"), Elision.of("De", "D'"), Elision.of("ce", "cet "));
    private static final List<Elision> ITALIAN_ELISIONS = List.of(
            Elision.of("il", "l'"), Elision.of("Il", "L'"), Elision.of("del", "dell'"), Elision.of("al", "all'"),
            Elision.of("sul", "sull'"), Elision.of("dal", "dall'"), Elision.of("nel", "nell'"));

    private void append(List<Template.Token> tokens, StringBuilder out, Map<String, String> values, Language language,
                        Network network, ProductLine line, Sentiment sentiment, Rng rng) {
        for (Template.Token token : tokens) {
            if (token instanceof Template.Literal literal) {
                out.append(literal.text());
            } else if (token instanceof Template.Choice choice) {
                append(rng.pick(choice.options()), out, values, language, network, line, sentiment, rng);
            } else if (token instanceof Template.Slot slot) {
                String value = values.get(slot.name());
                if (value == null) {
                    value = fill(slot.name(), values, language, network, line, sentiment, rng);
                    values.put(slot.name(), value);
                }
                out.append(slot.capitalize() ? capitalize(value) : value);
            }
        }
    }

    private String fill(String slot, Map<String, String> values, Language language, Network network, ProductLine line,
                        Sentiment sentiment, Rng rng) {
        return switch (slot) {
            case "product" -> line.model(rng, null);
            case "product2" -> line.model(rng, values.computeIfAbsent("product", k -> line.model(rng, null)));
            case "gaming" -> ProductLine.GAMING.model(rng, null);
            case "business" -> ProductLine.BUSINESS.model(rng, null);
            case "order" -> "NL-" + rng.digits(7);
            case "days" -> Integer.toString(rng.between(5, 14));
            case "n" -> Integer.toString(rng.between(2, 5));
            case "bios" -> "1." + rng.between(0, 2) + "." + rng.between(3, 14);
            case "code" -> rng.base62(7);
            case "e" -> emoji(network, sentiment, rng);
            default -> lexicon(slot, values, language, network, line, sentiment, rng);
        };
    }

    private String lexicon(String slot, Map<String, String> values, Language language, Network network,
                           ProductLine line, Sentiment sentiment, Rng rng) {
        List<Template> entries = catalog.section(language, "lex." + slot);
        if (entries.isEmpty()) {
            throw new IllegalStateException("Unknown slot {" + slot + "} for language " + language.code());
        }
        StringBuilder out = new StringBuilder();
        append(rng.pick(entries).tokens(), out, values, language, network, line, sentiment, rng);
        return out.toString();
    }

    /** An emoji matching the sentiment, more often on X than on forums; empty when none is used. */
    static String emoji(Network network, Sentiment sentiment, Rng rng) {
        double chance = switch (network) {
            case X -> 0.6;
            case FACEBOOK -> 0.45;
            case COMMUNITY -> 0.2;
            case LINKEDIN -> 0.1;
            case RSS -> 0.0;
        };
        if (!rng.chance(chance)) {
            return "";
        }
        List<String> set = switch (sentiment) {
            case POSITIVE -> POSITIVE_EMOJI;
            case NEUTRAL -> NEUTRAL_EMOJI;
            case NEGATIVE -> NEGATIVE_EMOJI;
        };
        String emoji = rng.pick(set);
        return rng.chance(0.2) ? emoji + emoji : emoji;
    }

    static String capitalize(String value) {
        if (value.isEmpty() || !Character.isLowerCase(value.charAt(0))) {
            return value;
        }
        return value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }

    /** Collapses the double spaces left by empty slots and trims each line. */
    static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(line.replaceAll(" {2,}", " ").strip());
        }
        return out.toString().strip();
    }
}
