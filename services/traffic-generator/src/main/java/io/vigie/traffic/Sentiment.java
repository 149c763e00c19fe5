package io.vigie.traffic;

/** Polarity a generated post was written with (ground truth). */
public enum Sentiment {
    POSITIVE,
    NEUTRAL,
    NEGATIVE;

    /** The sentiment written as the first character of a template line: {@code +}, {@code =} or {@code -}. */
    static Sentiment fromMarker(char marker) {
        return switch (marker) {
            case '+' -> POSITIVE;
            case '=' -> NEUTRAL;
            case '-' -> NEGATIVE;
            default -> throw new IllegalArgumentException("Unknown sentiment marker '" + marker + "'");
        };
    }
}
