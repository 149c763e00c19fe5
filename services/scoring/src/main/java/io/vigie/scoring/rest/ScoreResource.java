package io.vigie.scoring.rest;

import io.vigie.events.Author;
import io.vigie.scoring.domain.TextScore;
import io.vigie.scoring.mapping.ScoreMapper;
import io.vigie.scoring.service.Influence;
import io.vigie.scoring.service.ScoringService;
import io.vigie.scoring.service.Urgency;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /v1/score}: scores one text for agents, supervisors and admins; nothing is stored. */
@Path("/v1/score")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin"})
public class ScoreResource {

    private final ScoringService scoring;

    public ScoreResource(ScoringService scoring) {
        this.scoring = scoring;
    }

    @POST
    public ScoreResponse score(@Valid @NotNull(message = "a JSON body with a text is required") ScoreRequest request) {
        TextScore score = scoring.scoreText(request.text(), request.langHint());
        double influence = request.followers() == null && request.verified() == null ? 0.0
                : Influence.of(new Author(null, null, request.followers() == null ? 0 : request.followers(),
                        Boolean.TRUE.equals(request.verified())), 0);
        return ScoreMapper.toResponse(score, Urgency.of(score, influence), influence);
    }
}
