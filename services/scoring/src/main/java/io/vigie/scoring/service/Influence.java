package io.vigie.scoring.service;

import io.vigie.events.Author;

/** Author influence in [0, 1] from audience size, verification and how often the author speaks about the brand. */
public final class Influence {

    private Influence() {
    }

    /** Influence of {@code author} who has written {@code mentions} mentions so far. */
    public static double of(Author author, long mentions) {
        if (author == null) {
            return 0.0;
        }
        // log10 of followers: 10 -> 0.14, 1k -> 0.43, 100k -> 0.71, 10M -> 1.
        double audience = Math.min(1.0, Math.log10(1 + Math.max(0, author.followers())) / 7.0);
        double verified = author.verified() ? 0.15 : 0.0;
        double history = Math.min(0.1, Math.log10(1 + Math.max(0, mentions)) / 20.0);
        return Math.min(1.0, 0.75 * audience + verified + history);
    }
}
