package io.vigie.scoring.rest;

import io.vigie.events.Sentiment;
import java.util.List;

/** Answer of {@code POST /v1/score}: what scoring finds in one text. */
public record ScoreResponse(String language, Sentiment sentiment, String topic, List<String> topics, String productLine,
        String segment, double urgency, double influence, List<String> signals) {
}
