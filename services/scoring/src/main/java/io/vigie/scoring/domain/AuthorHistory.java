package io.vigie.scoring.domain;

/** What scoring knows of an author: mentions seen and helpful answers given to other people's threads. */
public record AuthorHistory(long mentions, long helpfulAnswers) {

    /** An author never seen. */
    public static final AuthorHistory NONE = new AuthorHistory(0, 0);
}
