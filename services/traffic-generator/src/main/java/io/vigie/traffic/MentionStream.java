package io.vigie.traffic;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The generator's engine: a lazy, time-ordered iterator of mentions. It simulates one minute at a time (Poisson
 * arrivals following each audience's rhythm, plus crisis posts), queues each conversation's planned replies, and
 * releases posts once no earlier one can still appear, so memory stays bounded however long the run.
 */
public final class MentionStream implements Iterator<GeneratedMention> {

    /** Mean number of posts per conversation start (the start and its replies), measured; keeps per-hour a total. */
    static final double POSTS_PER_CONVERSATION = 1.76;
    private static final int RECENT_CRISIS_POSTS = 25;

    private final GeneratorOptions options;
    private final PostFactory posts;
    private final ThreadPlanner threads;
    private final IdFactory ids;
    private final CrisisPlan crisis;
    private final Rng rng;
    private final Rng crisisRng;
    private final Rng burstRng;
    private final PriorityQueue<Draft> queue = new PriorityQueue<>(
            Comparator.<Draft>comparingLong(d -> d.epochSecond).thenComparingLong(d -> d.seq));
    private final Map<Network, Deque<Draft>> recentCrisis = new EnumMap<>(Network.class);
    private final long endSecond;
    private long nextMinute;
    private long seq;
    private int crisisIndex;
    private GeneratedMention next;

    /** A stream over the bundled texts. */
    public MentionStream(GeneratorOptions options) {
        this(options, Catalog.bundled());
    }

    MentionStream(GeneratorOptions options, Catalog catalog) {
        this.options = options;
        this.rng = Rng.derive(options.seed(), 1);
        this.crisisRng = Rng.derive(options.seed(), 2);
        this.burstRng = Rng.derive(options.seed(), 5);
        AuthorPool authors = new AuthorPool(catalog, options.seed(), options.perHour() * options.hours());
        this.posts = new PostFactory(catalog, new TextRenderer(catalog), authors);
        this.threads = new ThreadPlanner(posts);
        this.ids = new IdFactory(Rng.derive(options.seed(), 3));
        this.crisis = options.crisisAt() == null ? null
                : new CrisisPlan(options.crisisAt(), options.crisisSize(), Rng.derive(options.seed(), 4));
        this.nextMinute = options.start().getEpochSecond();
        this.endSecond = options.end().getEpochSecond();
        for (Network network : Network.values()) {
            recentCrisis.put(network, new ArrayDeque<>());
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public GeneratedMention next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        GeneratedMention result = next;
        next = null;
        return result;
    }

    private GeneratedMention advance() {
        while (true) {
            Draft head = queue.peek();
            if (head != null && head.epochSecond < nextMinute) {
                queue.poll();
                if (head.epochSecond < endSecond) {
                    return emit(head);
                }
                continue;
            }
            if (nextMinute >= endSecond) {
                queue.clear();
                return null;
            }
            simulateMinute(nextMinute);
            nextMinute += 60;
        }
    }

    private void simulateMinute(long minuteStart) {
        Instant middle = Instant.ofEpochSecond(minuteStart + 30);
        List<Rhythm.Region> regions = Rhythm.REGIONS;
        double[] rates = new double[regions.size()];
        double total = 0;
        for (int i = 0; i < rates.length; i++) {
            Rhythm.Region region = regions.get(i);
            rates[i] = options.perHour() / 60.0 * region.share() * Rhythm.factor(region, middle) / POSTS_PER_CONVERSATION;
            total += rates[i];
        }
        int count = rng.poisson(total);
        long[] seconds = new long[count];
        for (int i = 0; i < count; i++) {
            seconds[i] = minuteStart + rng.nextInt(60);
        }
        Arrays.sort(seconds);
        for (long second : seconds) {
            Language language = regions.get(rng.weighted(rates)).language();
            Draft root = posts.conversationStart(second, language, rng);
            enqueue(root);
            for (Draft reply : threads.plan(root, rng)) {
                enqueue(reply);
            }
        }
        for (Burst burst : options.bursts()) {
            double intensity = burst.intensity(minuteStart + 30);
            if (intensity <= 0) {
                continue;
            }
            int n = burstRng.poisson(burst.perMinute() * intensity);
            long[] at = new long[n];
            for (int i = 0; i < n; i++) {
                at[i] = minuteStart + burstRng.nextInt(60);
            }
            Arrays.sort(at);
            for (long second : at) {
                enqueue(posts.burstStart(second, burst, burstRng));
            }
        }
        if (crisis != null) {
            while (crisisIndex < crisis.size() && crisis.second(crisisIndex) < minuteStart + 60) {
                enqueue(crisisPost(crisis.second(crisisIndex)));
                crisisIndex++;
            }
        }
    }

    private Draft crisisPost(long second) {
        Network network = crisis.network(second, crisisRng);
        Deque<Draft> recent = recentCrisis.get(network);
        Draft post = null;
        if (network != Network.RSS && !recent.isEmpty() && crisisRng.chance(0.35)) {
            List<Draft> candidates = new ArrayList<>();
            for (Draft d : recent) {
                if (d.epochSecond < second) {
                    candidates.add(d);
                }
            }
            if (!candidates.isEmpty()) {
                post = posts.crisisReply(second, crisisRng.pick(candidates), crisisRng);
            }
        }
        if (post == null) {
            post = posts.crisisStart(second, network, crisis.language(crisisRng), crisisRng);
        }
        recent.addLast(post);
        if (recent.size() > RECENT_CRISIS_POSTS) {
            recent.removeFirst();
        }
        return post;
    }

    private void enqueue(Draft draft) {
        draft.seq = seq++;
        queue.add(draft);
    }

    private GeneratedMention emit(Draft draft) {
        ids.assign(draft);
        Draft root = draft.threadRoot();
        Instant at = Instant.ofEpochSecond(draft.epochSecond);
        Mention mention = new Mention(
                draft.network.wireName(),
                draft.id,
                draft.space,
                draft.isReply() ? root.id : null,
                draft.isReply() ? draft.parent.id : null,
                draft.author,
                draft.text,
                draft.langHint,
                DateTimeFormatter.ISO_INSTANT.format(at),
                draft.url);
        return new GeneratedMention(mention, draft.truth, at);
    }
}
