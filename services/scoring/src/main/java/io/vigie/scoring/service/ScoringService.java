package io.vigie.scoring.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.Mention;
import io.vigie.events.ScoredMention;
import io.vigie.events.Sentiment;
import io.vigie.scoring.repository.AuthorStatsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Business logic of scoring. Foundation stage: language from the source's hint, neutral sentiment, topic
 * {@code other}; influence from followers, verification and the author's history, which is real.
 * The scoring issue replaces the placeholders with trained models.
 */
@ApplicationScoped
public class ScoringService {

    private final AuthorStatsRepository authors;

    public ScoringService(AuthorStatsRepository authors) {
        this.authors = authors;
    }

    /** Scores one mention; a redelivered mention is scored again but not counted twice in the author's history. */
    @WithTransaction
    public Uni<ScoredMention> score(Mention mention) {
        Instant now = Instant.now();
        String authorKey = mention.author() == null ? null : mention.network() + ":" + mention.author().id();
        return authors.markScored(mention.key(), now).chain(isNew -> {
            if (authorKey == null) {
                return Uni.createFrom().item(0L);
            }
            return isNew ? authors.countMention(authorKey, now) : authors.mentions(authorKey);
        }).map(history -> new ScoredMention(ScoredMention.VERSION, mention,
                mention.langHint() == null ? "und" : mention.langHint(),
                new Sentiment(Sentiment.NEUTRAL, 0.0), "other", null, "consumer", 0.0,
                Influence.of(mention.author(), history), false, false, List.of(), now));
    }
}
