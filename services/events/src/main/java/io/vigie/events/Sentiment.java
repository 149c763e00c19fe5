package io.vigie.events;

/** A sentiment label with a score in [-1, 1] (negative to positive). */
public record Sentiment(String label, double score) {
    /** Label of a negative post. */
    public static final String NEGATIVE = "negative";
    /** Label of a neutral post. */
    public static final String NEUTRAL = "neutral";
    /** Label of a positive post. */
    public static final String POSITIVE = "positive";
}
