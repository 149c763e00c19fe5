package io.vigie.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vigie.events.ScoredMention;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads mentions.scored (group routing) and routes each message; the record is acknowledged once its decisions are published. */
@ApplicationScoped
public class ScoredMentionConsumer {

    /** Channel of the mentions.scored topic. */
    public static final String IN = "mentions-scored";

    private final RoutingFlow flow;
    private final ObjectMapper json;

    public ScoredMentionConsumer(RoutingFlow flow, ObjectMapper json) {
        this.flow = flow;
        this.json = json;
    }

    @Incoming(IN)
    public Uni<Void> onScored(String payload) {
        return Uni.createFrom().item(() -> parse(json, payload)).chain(flow::onScored);
    }

    /** Parses and checks a mentions.scored record; a bad one fails with the reason its dead letter carries. */
    public static ScoredMention parse(ObjectMapper json, String payload) {
        ScoredMention scored;
        try {
            scored = json.readValue(payload, ScoredMention.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a ScoredMention event: " + e.getMessage(), e);
        }
        if (scored == null || scored.mention() == null || scored.language() == null || scored.language().isBlank()) {
            throw new IllegalArgumentException("not a ScoredMention event: mention and language are required");
        }
        if (scored.version() > ScoredMention.VERSION) {
            throw new IllegalArgumentException("ScoredMention version " + scored.version() + " is newer than "
                    + ScoredMention.VERSION + ", the one routing knows");
        }
        return scored;
    }
}
