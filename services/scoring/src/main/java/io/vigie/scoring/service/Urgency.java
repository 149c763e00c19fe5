package io.vigie.scoring.service;

import io.vigie.scoring.domain.TextScore;
import java.util.Map;

/**
 * Urgency in [0, 1]: a noisy-OR of independent reasons to act now. Each reason r has a strength s_r in [0, 1] and
 * urgency = 1 - prod(1 - s_r), so one strong reason is enough and more reasons only add up to 1.
 */
public final class Urgency {

    /** Strength of each topic as a reason for urgency. */
    static final Map<String, Double> TOPIC = Map.of(
            "security_incident", 0.45, "billing_delivery", 0.15, "technical_support", 0.15, "complaint", 0.15,
            "configuration", 0.05, "purchase", 0.10);
    /** Strength of each signal. */
    static final Map<String, Double> SIGNAL = Map.of(
            "safety", 0.60, "outage", 0.35, "legal", 0.35, "refund", 0.15, "caps", 0.10, "punctuation", 0.05);

    private Urgency() {
    }

    /** Urgency of a post from its text's score and its author's influence in [0, 1]. */
    public static double of(TextScore text, double influence) {
        double calm = 1 - 0.4 * Math.max(0, -text.sentiment().score());
        calm *= 1 - 0.35 * Math.max(0, Math.min(1, influence));
        for (String topic : text.topics()) {
            calm *= 1 - TOPIC.getOrDefault(topic, 0.0);
        }
        for (String signal : text.signals()) {
            calm *= 1 - SIGNAL.getOrDefault(signal, 0.0);
        }
        return Math.round((1 - calm) * 1000) / 1000.0;
    }
}
