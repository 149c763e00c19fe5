package io.vigie.ingestion.domain.query;

/** A watchlist query that does not parse; carries the 1-based column of the mistake. */
public class QuerySyntaxException extends RuntimeException {

    private final String reason;
    private final int column;

    public QuerySyntaxException(String reason, int offset) {
        super(reason + " (column " + (offset + 1) + ")");
        this.reason = reason;
        this.column = offset + 1;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** 1-based column of the character where the mistake was found. */
    public int column() {
        return column;
    }
}
