package io.vigie.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vigie.events.Mention;
import io.vigie.events.ScoredMention;
import io.vigie.scoring.service.ScoringService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

/** Reads mentions.raw, scores each mention, writes mentions.scored; unreadable records go to the dead-letter topic. */
@ApplicationScoped
public class MentionConsumer {

    /** Channel of the mentions.raw topic. */
    public static final String IN = "mentions-raw";
    /** Channel of the mentions.scored topic. */
    public static final String OUT = "mentions-scored";

    private final ScoringService scoring;
    private final ObjectMapper json;

    public MentionConsumer(ScoringService scoring, ObjectMapper json) {
        this.scoring = scoring;
        this.json = json;
    }

    @Incoming(IN)
    @Outgoing(OUT)
    public Uni<Record<String, ScoredMention>> onMention(String payload) {
        return Uni.createFrom().item(() -> parse(payload))
                .chain(scoring::score)
                .map(scored -> Record.of(scored.mention().conversationKey(), scored));
    }

    private Mention parse(String payload) {
        if (payload == null) {
            throw new InvalidEventException("empty record", null);
        }
        try {
            Mention mention = json.readValue(payload, Mention.class);
            if (mention.version() > Mention.VERSION) {
                throw new InvalidEventException("Mention version " + mention.version() + " is newer than " + Mention.VERSION, null);
            }
            return mention;
        } catch (InvalidEventException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidEventException("not a Mention event: " + e.getMessage(), e);
        }
    }
}
