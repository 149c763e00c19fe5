package io.vigie.scoring.domain;

import io.vigie.events.Sentiment;
import java.util.List;

/**
 * What the text alone says about a post.
 *
 * @param language     ISO 639-1 code or {@code und}
 * @param sentiment    label and score in [-1, 1]
 * @param topics       every topic/intent found, most important first; {@code [other]} when none
 * @param productLine  the product line named, or null
 * @param segment      consumer or business
 * @param signals      urgency signals found in the text (outage, safety, legal, refund, caps, punctuation)
 * @param helpfulAnswer whether it reads like a helpful answer (for expert detection when it replies to someone)
 */
public record TextScore(String language, Sentiment sentiment, List<String> topics, String productLine, String segment,
        List<String> signals, boolean helpfulAnswer) {

    /** The primary topic. */
    public String topic() {
        return topics.get(0);
    }
}
