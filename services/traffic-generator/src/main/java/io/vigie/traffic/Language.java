package io.vigie.traffic;

/** Languages the generator writes, with their ISO 639-1 code and share of baseline traffic. */
public enum Language {
    EN("en", 0.50),
    FR("fr", 0.10),
    DE("de", 0.10),
    ES("es", 0.08),
    PT("pt", 0.08),
    IT("it", 0.05),
    NL("nl", 0.05),
    SK("sk", 0.04);

    private final String code;
    private final double share;

    Language(String code, double share) {
        this.code = code;
        this.share = share;
    }

    /** ISO 639-1 code, as used in the {@code lang} hint. */
    public String code() {
        return code;
    }

    /** Approximate share of baseline posts written in this language. */
    public double share() {
        return share;
    }
}
