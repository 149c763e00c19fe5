package io.vigie.scoring.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vigie.apisupport.DeadLetters;
import io.vigie.apisupport.Unavailable;
import io.vigie.events.Mention;
import io.vigie.events.ScoredMention;
import io.vigie.scoring.service.ScoringService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads mentions.raw in batches (one poll), scores a batch in one database transaction, writes each result to
 * mentions.scored and each unreadable record to mentions.raw.dlq with its reason, and acknowledges the batch only
 * once the broker has acknowledged every one of those writes. Backpressure: the next poll's records are processed
 * only after this batch completes, and the connector pauses the partitions when its queue is full.
 */
@ApplicationScoped
public class MentionConsumer {

    /** Channel of the mentions.raw topic (batch mode). */
    public static final String IN = "mentions-raw";
    /** Channel of the mentions.scored topic. */
    public static final String OUT = "mentions-scored";
    /** Channel of the mentions.raw.dlq topic, for records that are not readable mentions. */
    public static final String DEAD_LETTER = "mentions-raw-dlq";
    /** Longest mention or author key the ledgers hold ({@code scored_mention.key}, {@code author_stats.author_key}). */
    static final int MAX_KEY = 300;

    private static final Logger LOG = Logger.getLogger(MentionConsumer.class);

    private final ScoringService scoring;
    private final ObjectMapper json;
    private final MutinyEmitter<Record<String, ScoredMention>> scored;
    private final MutinyEmitter<Record<String, String>> deadLetters;

    public MentionConsumer(ScoringService scoring, ObjectMapper json,
            @Channel(OUT) MutinyEmitter<Record<String, ScoredMention>> scored,
            @Channel(DEAD_LETTER) MutinyEmitter<Record<String, String>> deadLetters) {
        this.scoring = scoring;
        this.json = json;
        this.scored = scored;
        this.deadLetters = deadLetters;
    }

    /**
     * Scores one polled batch; while the infrastructure is unavailable the batch waits and is tried again, and any other
     * failure of the batch as a whole dead-letters its records.
     */
    @Incoming(IN)
    public Uni<Void> onBatch(KafkaRecordBatch<String, String> batch) {
        List<Mention> mentions = new ArrayList<>();
        List<Uni<Void>> writes = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                mentions.add(parse(record.getPayload()));
            } catch (InvalidEventException e) {
                writes.add(deadLetter(record, e.getMessage()));
            }
        }
        // Tried again while the database or the broker is unavailable (ADR 0131): those records are not bad.
        Uni<Void> scoredAndSent = mentions.isEmpty() ? Uni.createFrom().voidItem()
                : Unavailable.retried(() -> scoring.scoreBatch(mentions).chain(results -> {
                    List<Uni<Void>> sends = new ArrayList<>(results.size());
                    for (ScoredMention s : results) {
                        sends.add(scored.send(Record.of(s.mention().conversationKey(), s)));
                    }
                    return Uni.join().all(sends).andFailFast().replaceWithVoid();
                }), "a batch of " + mentions.size() + " mentions");
        writes.add(scoredAndSent);
        return Uni.join().all(writes).andFailFast()
                .onItem().transformToUni(x -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf(e, "batch of %d records failed; nacking it (dead-letter strategy)", batch.getRecords().size());
                    return Uni.createFrom().completionStage(batch.nack(e));
                });
    }

    private Uni<Void> deadLetter(KafkaRecord<String, String> record, String reason) {
        return deadLetters.sendMessage(DeadLetters.of(record, reason));
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
            // a key the ledgers cannot hold would fail the batch's transaction, and every mention of the batch with it
            if (mention.key().length() > MAX_KEY || mention.author() != null && mention.author().id() != null
                    && mention.network().length() + 1 + mention.author().id().length() > MAX_KEY) {
                throw new InvalidEventException("mention or author key longer than " + MAX_KEY + " characters", null);
            }
            return mention;
        } catch (InvalidEventException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidEventException("not a Mention event: " + e.getMessage(), e);
        }
    }
}
