package io.vigie.testsupport.fuzz;

import io.vigie.testsupport.KafkaTestClient;
import io.vigie.testsupport.TopicWatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sends a consumer mutated records (fields missing, null, of the wrong type, hostile, extra; payloads that are not
 * JSON), each followed on its partition by a valid record with the same key, and checks that every mutated record
 * ends in the dead-letter topic with a reason or is processed, and that every valid one behind it is processed: a
 * poison record never blocks its partition, and nothing vanishes. Put the id in two fields of the valid record
 * (e.g. the native id and the text), so that a mutation of one still lets {@code processed} find it. When two
 * mutations set the same value in the same field (two replyIds both turned into {@code "0"}), the later record may
 * be the earlier one's duplicate: once the earlier one is processed, the later one is counted as such, not as lost.
 */
public final class PoisonRecords {

    /** What a run saw. */
    public record Outcome(int sent, int deadLettered, int processed, int untraceable, int duplicates,
            List<String> problems, Map<String, Integer> reasons) {
        @Override
        public String toString() {
            return sent + " mutated records: " + deadLettered + " dead-lettered, " + processed + " processed, " + untraceable
                    + " processed under another id (every field holding the id was mutated), " + duplicates
                    + " taken as duplicates of an earlier mutated record given the same value in the same field; reasons "
                    + reasons + (problems.isEmpty() ? "" : "\nproblems:\n  " + String.join("\n  ", problems));
        }
    }

    /** One record to send: its Kafka key, the id {@code processed} looks for, and its value. */
    public record Sample(String key, String id, String json) {
    }

    private PoisonRecords() {
    }

    /**
     * @param topic      the consumer's topic (full name)
     * @param dlq        its dead-letter topic (full name)
     * @param valid      a valid record for a fresh id ({@code i} is only a counter)
     * @param processed  whether the record with this id had its effect
     */
    public static Outcome check(String topic, String dlq, Function<Integer, Sample> valid, Predicate<String> processed,
            int count, long seed, Duration timeout) {
        Junk junk = new Junk(seed);
        JsonMutator mutator = new JsonMutator(junk);
        Map<String, JsonMutator.Mutation> poisons = new LinkedHashMap<>();
        Map<String, String> poisonIds = new LinkedHashMap<>();
        Map<String, String> sentinels = new LinkedHashMap<>();
        try (TopicWatcher watcher = new TopicWatcher(dlq); KafkaTestClient kafka = new KafkaTestClient()) {
            for (int i = 0; i < count; i++) {
                Sample poison = valid.apply(2 * i);
                JsonMutator.Mutation m = mutator.mutate(poison.json());
                kafka.send(topic, poison.key(), m.payload());
                poisons.put(poison.key(), m);
                poisonIds.put(poison.key(), poison.id());
                Sample sentinel = valid.apply(2 * i + 1);
                // the valid record travels behind the poison on the same partition: same Kafka key
                kafka.send(topic, poison.key(), sentinel.json());
                sentinels.put(poison.key(), sentinel.id());
            }
            Instant deadline = Instant.now().plus(timeout);
            List<String> problems = new ArrayList<>();
            Map<String, Integer> reasons = new LinkedHashMap<>();
            int dead = 0;
            int done = 0;
            int untraceable = 0;
            int duplicates = 0;
            // a record given the same value in the same field as an earlier one that was processed may have its
            // identity, and is then rightly a duplicate
            Map<String, List<String>> earlier = new LinkedHashMap<>();
            Map<String, String> firstWithValue = new LinkedHashMap<>();
            for (Map.Entry<String, JsonMutator.Mutation> e : poisons.entrySet()) {
                for (String value : e.getValue().values()) {
                    String first = firstWithValue.putIfAbsent(value, e.getKey());
                    if (first != null) {
                        earlier.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(poisonIds.get(first));
                    }
                }
            }
            Predicate<String> duplicate = key -> earlier.getOrDefault(key, List.of()).stream().anyMatch(processed);
            List<String> pending = new ArrayList<>(poisons.keySet());
            while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
                pending.removeIf(key -> settled(key, poisonIds.get(key), sentinels.get(key), duplicate.test(key), watcher,
                        processed));
                if (!pending.isEmpty()) {
                    sleep();
                }
            }
            for (Map.Entry<String, JsonMutator.Mutation> e : poisons.entrySet()) {
                String key = e.getKey();
                List<TopicWatcher.Seen> inDlq = watcher.withKey(key);
                boolean sentinelOk = processed.test(sentinels.get(key));
                if (!inDlq.isEmpty()) {
                    boolean sentinelDead = inDlq.size() > 1;
                    String reason = inDlq.get(0).reason();
                    reasons.merge(reason.length() > 40 ? reason.substring(0, 40) : reason, 1, Integer::sum);
                    if (reason.isBlank()) {
                        problems.add(key + " dead-lettered without a reason (" + e.getValue().description() + ")");
                    }
                    if (sentinelDead && !sentinelOk) {
                        problems.add(key + ": the valid record behind it was dead-lettered too (" + e.getValue().description() + ")");
                    }
                    dead++;
                } else if (processed.test(poisonIds.get(key))) {
                    done++;
                } else if (!e.getValue().payload().contains(poisonIds.get(key))) {
                    untraceable++;
                } else if (duplicate.test(key)) {
                    // e.g. two replyIds both mutated into "0": the second is the first one's id again
                    duplicates++;
                } else {
                    problems.add(key + " neither processed nor dead-lettered (" + e.getValue().description() + "): "
                            + abbreviate(e.getValue().payload()));
                }
                if (!sentinelOk) {
                    problems.add(key + ": the valid record behind it was not processed (partition blocked?) after "
                            + e.getValue().description());
                }
            }
            return new Outcome(count, dead, done, untraceable, duplicates, problems, reasons);
        }
    }

    private static boolean settled(String key, String id, String sentinel, boolean duplicate, TopicWatcher watcher,
            Predicate<String> processed) {
        return (duplicate || !watcher.withKey(key).isEmpty() || processed.test(id)) && processed.test(sentinel);
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
