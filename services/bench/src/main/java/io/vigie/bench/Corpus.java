package io.vigie.bench;

import io.vigie.traffic.GeneratedMention;
import io.vigie.traffic.GeneratorOptions;
import io.vigie.traffic.Mention;
import io.vigie.traffic.TrafficGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Generated mentions for one phase of the bench: the traffic generator's realistic posts, as replay lines. */
public final class Corpus {

    private Corpus() {
    }

    /** {@code count} mentions of one seed (different seeds give different post ids), a day's worth of traffic. */
    public static List<GeneratedMention> mentions(long seed, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        // A weekly mean of count/20 per hour gives a bit more than count posts over a Sunday of 24 h.
        GeneratorOptions options = GeneratorOptions.defaults().withSeed(seed)
                .withStart(Instant.parse("2026-11-23T00:00:00Z")).withHours(24).withPerHour(Math.max(10, count / 16.0));
        List<GeneratedMention> all = new TrafficGenerator(options).stream().limit(count).toList();
        if (all.size() < count) {
            throw new IllegalStateException("the generator gave " + all.size() + " posts, " + count + " wanted");
        }
        return all;
    }

    /**
     * The replay lines of the mentions as live traffic at {@code rate} per second from {@code start}: the i-th is
     * stamped {@code start + i / rate}, the time the latency phase sends it, in the generator's order (a reply still
     * comes after its post). A generated day replayed at 500/s would put the mentions of a few seconds in hundreds of
     * minute and hour buckets; live traffic puts them in the current minute.
     */
    public static List<String> live(List<GeneratedMention> mentions, Instant start, int rate) {
        if (rate <= 0) {
            throw new IllegalArgumentException("rate must be positive, got " + rate);
        }
        List<String> out = new ArrayList<>(mentions.size());
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i).mention();
            Instant at = start.plusNanos(Math.round(i * 1e9 / rate));
            out.add(new GeneratedMention(new Mention(m.network(), m.id(), m.space(), m.threadId(),
                    m.inReplyTo(), m.author(), m.text(), m.lang(), at.toString(), m.url()),
                    mentions.get(i).groundTruth(), at).toJsonLine());
        }
        return out;
    }

    /** The replay lines of the mentions. */
    public static List<String> lines(List<GeneratedMention> mentions) {
        return mentions.stream().map(GeneratedMention::toJsonLine).toList();
    }
}
