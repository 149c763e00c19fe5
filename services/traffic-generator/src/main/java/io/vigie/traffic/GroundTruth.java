package io.vigie.traffic;

/**
 * What the generator knows about a post and a classifier should find: topic, sentiment, crisis membership and
 * the language it was really written in (the {@code lang} hint in the line may be absent).
 */
public record GroundTruth(Topic topic, Sentiment sentiment, boolean crisis, Language language) {
}
