package io.vigie.apisupport;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.Record;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * How a Vigie consumer handles one poll of records (ADR 0083): the readable records are handled together (one
 * transaction, one round of sends), an unreadable one goes to the dead-letter topic with its reason. While the batch
 * fails because the infrastructure is unavailable (the database down, the pool closed by a shutdown, a deadlock with
 * another instance: {@link Unavailable}), it is tried again, with growing waits, and nothing is dead-lettered (ADR
 * 0131). If it fails as a whole for another reason (one row that breaks a constraint), its records are handled again
 * one by one and only those that fail alone, for a reason of their own, are dead-lettered; a record whose rows
 * another consumer inserted first (the same poll handled twice across a rebalance) is tried again, not dead-lettered
 * ({@link Unavailable#conflict}). The batch is acknowledged
 * once all of it is handled or dead-lettered; if even that fails, it is nacked (and the channel's failure strategy
 * applies).
 *
 * @param <T> the event a record holds
 */
public final class RecordBatches<T> {

    private final Function<String, T> parse;
    private final Function<List<T>, Uni<Void>> all;
    private final Function<T, Uni<Void>> one;
    private final MutinyEmitter<Record<String, String>> deadLetters;
    private final Logger log;

    /**
     * @param parse       reads a record's value; throws {@link IllegalArgumentException} with the reason for a bad one
     * @param all         handles the readable events of a batch together, in their order
     * @param one         handles one event alone (the fallback)
     * @param deadLetters the dead-letter channel of the topic
     * @param log         where batch failures are logged
     */
    public RecordBatches(Function<String, T> parse, Function<List<T>, Uni<Void>> all, Function<T, Uni<Void>> one,
            MutinyEmitter<Record<String, String>> deadLetters, Logger log) {
        this.parse = parse;
        this.all = all;
        this.one = one;
        this.deadLetters = deadLetters;
        this.log = log;
    }

    private record Parsed<T>(KafkaRecord<String, String> record, T event) {
    }

    /** Handles one polled batch as described above. */
    public Uni<Void> handle(KafkaRecordBatch<String, String> batch) {
        List<Parsed<T>> readable = new ArrayList<>();
        List<Uni<Void>> work = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                if (record.getPayload() == null) {
                    throw new IllegalArgumentException("empty record");
                }
                readable.add(new Parsed<>(record, parse.apply(record.getPayload())));
            } catch (IllegalArgumentException e) {
                work.add(deadLetters.sendMessage(DeadLetters.of(record, e.getMessage())));
            }
        }
        if (!readable.isEmpty()) {
            // Every attempt, retries and the one-by-one fallback included, runs on the context of this poll.
            Context context = Vertx.currentContext();
            List<T> events = readable.stream().map(Parsed::event).toList();
            work.add(Unavailable.retried(context, () -> all.apply(events), "a batch of " + events.size() + " records")
                    .onFailure().recoverWithUni(e -> {
                        log.warnf(e, "a batch of %d records failed as a whole; handling them one by one", events.size());
                        return oneByOne(context, readable);
                    }));
        }
        return Uni.join().all(work).andFailFast()
                .chain(() -> Uni.createFrom().completionStage(batch.ack()))
                .onFailure().recoverWithUni(e -> {
                    log.errorf(e, "a batch of %d records failed; nacking it", batch.getRecords().size());
                    return Uni.createFrom().completionStage(batch.nack(e));
                });
    }

    /** The messages of a failure and its causes (a database error is usually the last one), without repeats. */
    static String reason(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null && out.length() < 2_000; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && out.indexOf(m) < 0) {
                out.append(out.isEmpty() ? "" : "; caused by: ").append(m);
            }
        }
        return out.isEmpty() ? e.getClass().getName() : out.toString();
    }

    private Uni<Void> oneByOne(Context context, List<Parsed<T>> readable) {
        return Multi.createFrom().iterable(readable)
                .onItem().transformToUniAndConcatenate(p -> {
                    String name = p.record().getTopic() + "-" + p.record().getPartition() + "@" + p.record().getKey();
                    return Unavailable.retriedThroughConflicts(context, () -> one.apply(p.event()), "record " + name)
                            .onFailure().recoverWithUni(e -> {
                                log.warnf(e, "record %s failed alone; dead-lettered", name);
                                return deadLetters.sendMessage(DeadLetters.of(p.record(), reason(e)));
                            });
                })
                .collect().last().replaceWithVoid();
    }
}
