package io.vigie.traffic;

/**
 * What the generator knows about a post and a classifier should find: topic, sentiment, crisis membership, the
 * language it was really written in (the {@code lang} hint in the line may be absent) and the injected burst it
 * belongs to, if any.
 */
public record GroundTruth(Topic topic, Sentiment sentiment, boolean crisis, Language language, String burst) {

    /** A post of the baseline or of the crisis: no burst. */
    public GroundTruth(Topic topic, Sentiment sentiment, boolean crisis, Language language) {
        this(topic, sentiment, crisis, language, null);
    }
}
