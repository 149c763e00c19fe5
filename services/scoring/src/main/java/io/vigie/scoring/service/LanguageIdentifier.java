package io.vigie.scoring.service;

/** Identifies the language of a text: an ISO 639-1 code among the configured ones, or {@code und}. */
public interface LanguageIdentifier {

    /** The code for a text in none of the configured languages, or with too few letters to tell. */
    String UNDETERMINED = "und";

    /** ISO 639-1 code of {@code text}'s language, or {@link #UNDETERMINED}. */
    String identify(String text);

    /**
     * Like {@link #identify(String)}, but when the identifier is not sure and the network announced a configured
     * language ({@code hint}) that it finds plausible, the hint wins. The default ignores the hint.
     */
    default String identify(String text, String hint) {
        return identify(text);
    }

    /** A short name of the identifier and its settings, for reports. */
    String describe();
}
