package io.vigie.scoring.mapping;

import io.vigie.scoring.domain.TextScore;
import io.vigie.scoring.rest.ScoreResponse;

/** Maps a text score to the REST answer. */
public final class ScoreMapper {

    private ScoreMapper() {
    }

    /** The REST answer of {@code score}, with the urgency and influence computed for it. */
    public static ScoreResponse toResponse(TextScore score, double urgency, double influence) {
        return new ScoreResponse(score.language(), score.sentiment(), score.topic(), score.topics(), score.productLine(),
                score.segment(), urgency, influence, score.signals());
    }
}
