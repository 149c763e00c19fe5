package io.vigie.ingestion.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.mapping.ReplayPost;
import io.vigie.ingestion.service.IngestResult;
import io.vigie.ingestion.service.IngestService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** HTTP intake of posts: one JSON post, or a replay file in JSON Lines. */
@Path("/api/mentions")
@RolesAllowed("admin")
public class MentionResource {

    /** Largest replay body accepted in one request, in lines. */
    static final int MAX_LINES = 100_000;

    private final IngestService ingest;
    private final ObjectMapper json;

    public MentionResource(IngestService ingest, ObjectMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept one post", description = "202 when new, 200 when already seen, 400 with the reason when invalid")
    public Uni<Response> accept(ReplayPost post) {
        if (post == null) {
            throw new BadRequestException("the body must be one JSON post (an object), not null");
        }
        return ingest.ingest(post).map(result -> switch (result.status()) {
            case ACCEPTED -> Response.accepted(result).build();
            case DUPLICATE -> Response.ok(result).build();
            case REJECTED -> throw new BadRequestException(result.error());
        });
    }

    @POST
    @Path("/replay")
    @Consumes({ "application/x-ndjson", "application/jsonl", MediaType.TEXT_PLAIN })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept a replay file (JSON Lines, one post per line)",
            description = "Every line is accepted, found duplicate or rejected with its line number and reason")
    public Uni<ReplaySummary> replay(String body) {
        List<ReplayPost> posts = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        List<ReplaySummary.LineError> errors = new ArrayList<>();
        String[] lines = body == null ? new String[0] : body.split("\r?\n");
        if (lines.length > MAX_LINES) {
            throw new BadRequestException("a replay request holds at most " + MAX_LINES + " lines; split the file");
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                ReplayPost post = json.readValue(lines[i], ReplayPost.class);
                if (post == null) {
                    errors.add(new ReplaySummary.LineError(i + 1, "not a JSON post: the line is null"));
                    continue;
                }
                posts.add(post);
                lineNumbers.add(i + 1);
            } catch (Exception e) {
                errors.add(new ReplaySummary.LineError(i + 1, "not a JSON post: " + firstLine(e.getMessage())));
            }
        }
        return ingest.ingestAll(posts).map(results -> {
            int accepted = 0;
            int duplicates = 0;
            for (int i = 0; i < results.size(); i++) {
                IngestResult r = results.get(i);
                switch (r.status()) {
                    case ACCEPTED -> accepted++;
                    case DUPLICATE -> duplicates++;
                    case REJECTED -> errors.add(new ReplaySummary.LineError(lineNumbers.get(i), r.error()));
                }
            }
            errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return new ReplaySummary(accepted, duplicates, errors.size(), errors);
        });
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
