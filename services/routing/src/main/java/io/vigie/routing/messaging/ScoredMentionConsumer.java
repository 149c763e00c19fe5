package io.vigie.routing.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vigie.events.RoutingDecision;
import io.vigie.events.ScoredMention;
import io.vigie.routing.service.RoutingService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** Reads mentions.scored, routes each into its conversation, writes conversations.routed. */
@ApplicationScoped
public class ScoredMentionConsumer {

    /** Channel of the mentions.scored topic. */
    public static final String IN = "mentions-scored";
    /** Channel of the conversations.routed topic. */
    public static final String OUT = "conversations-routed";

    private final RoutingService routing;
    private final ObjectMapper json;

    public ScoredMentionConsumer(RoutingService routing, ObjectMapper json) {
        this.routing = routing;
        this.json = json;
    }

    @Incoming(IN)
    @Outgoing(OUT)
    public Uni<Record<String, RoutingDecision>> onScored(String payload) {
        return Uni.createFrom().item(() -> parse(payload))
                .chain(routing::route)
                .map(decision -> Record.of(decision.conversationId(), decision));
    }

    private ScoredMention parse(String payload) {
        try {
            ScoredMention scored = json.readValue(payload, ScoredMention.class);
            if (scored.mention() == null || scored.language() == null) {
                throw new IllegalArgumentException("mention and language are required");
            }
            return scored;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a ScoredMention event: " + e.getMessage(), e);
        }
    }
}
