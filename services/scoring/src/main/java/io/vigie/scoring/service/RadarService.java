package io.vigie.scoring.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vigie.events.ScoredMention;
import io.vigie.scoring.config.RadarConfig;
import io.vigie.scoring.domain.radar.Observation;
import io.vigie.scoring.domain.radar.Radar;
import io.vigie.scoring.domain.radar.RadarEvent;
import io.vigie.scoring.domain.radar.RadarSettings;
import io.vigie.scoring.domain.radar.Terms;
import io.vigie.scoring.messaging.AlertRelay;
import io.vigie.scoring.messaging.RadarConsumer;
import io.vigie.scoring.repository.RadarStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Runs the crisis radar of this instance: every instance reads mentions.scored whole and keeps the same state; the
 * holder of the lease (the leader) stores the incidents, publishes their alerts through the outbox and writes
 * snapshots. A restarted instance reads the last snapshot and goes on from its offsets; an instance that becomes
 * the leader stores the events it computed as a standby.
 */
@ApplicationScoped
public class RadarService {

    private static final Logger LOG = Logger.getLogger(RadarService.class);
    private static final int MAX_PENDING = 5_000;

    /** One scored mention read from a partition at an offset. */
    public record Input(int partition, long offset, ScoredMention mention) {
    }

    /** One line of the radar's recording ({@code vigie.radar.record}): what it counted, where and when. */
    public record Recorded(int partition, long offset, long wallMillis, Observation observation) {
    }

    private final RadarSettings settings;
    private final RadarStateRepository state;
    private final IncidentService incidents;
    private final AlertRelay relay;
    private final RadarConfig config;
    private final SpaceOwners owners;
    private final Terms terms;
    private final String owner = "scoring-" + UUID.randomUUID();
    private final Map<String, Counter> alertCounters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final KafkaClientService kafka;
    private final io.vertx.mutiny.core.Vertx vertx;
    private final List<RadarEvent> pending = new ArrayList<>();
    private final BufferedWriter recording;
    private final ObjectMapper json;

    private Radar radar;
    private boolean restored;
    private boolean storing;
    private volatile boolean leader;
    private volatile boolean stopping;
    private volatile Map<String, Long> counters = Map.of();
    private Instant lastRenewal = Instant.EPOCH;
    private Instant lastSnapshot = Instant.now();
    /**
     * The buffers every snapshot writes its state and its gzip into, kept between snapshots (one snapshot at a time
     * uses them): fresh ones of the state's size, every 30 s, outlived a young collection or two while the state was
     * written and compressed, and were promoted, about 15 MB each time, which filled the old generation twice as fast
     * as everything else the scorer keeps for seconds (docs/performance.md).
     */
    private final StateBuffer stateBuffer = new StateBuffer(1 << 20);
    private final ByteArrayOutputStream zipBuffer = new ByteArrayOutputStream(1 << 18);

    public RadarService(RadarSettings settings, RadarStateRepository state, IncidentService incidents,
            AlertRelay relay, RadarConfig config, SpaceOwners owners, Terms terms, MeterRegistry registry,
            KafkaClientService kafka, io.vertx.mutiny.core.Vertx vertx, ObjectMapper json) {
        this.kafka = kafka;
        this.vertx = vertx;
        this.settings = settings;
        this.state = state;
        this.incidents = incidents;
        this.relay = relay;
        this.config = config;
        this.owners = owners;
        this.terms = terms;
        this.registry = registry;
        this.radar = new Radar(settings);
        this.json = json;
        this.recording = config.record().map(RadarService::openRecording).orElse(null);
        for (String c : List.of("observed", "late", "ahead", "duplicates", "ignored_terms", "series", "term_series", "active_incidents", "held")) {
            registry.gauge("vigie_radar_" + c, this, s -> s.counters.getOrDefault(c, 0L));
        }
        registry.gauge("vigie_radar_leader", this, s -> s.leader ? 1 : 0);
        registry.gauge("vigie_radar_clock_lag_seconds", this, RadarService::clockLag);
    }

    private double clockLag() {
        Instant c = radar.clock();
        return c == null ? 0 : Math.max(0, Duration.between(c, Instant.now()).toSeconds());
    }

    /**
     * Loads the snapshot the first time partitions are assigned (blocking: called on the consumer's thread) and
     * returns the next offset to read per partition.
     */
    public synchronized Map<Integer, Long> restore() {
        if (!restored) {
            RadarStateRepository.Snapshot s = state.load().await().atMost(Duration.ofSeconds(60));
            if (s != null) {
                try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(s.state())))) {
                    radar = Radar.read(in, settings);
                    LOG.infof("radar restored from the snapshot of %s (clock %s, offsets %s)", s.takenAt(),
                            radar.clock(), s.offsets());
                } catch (IOException | RuntimeException e) {
                    LOG.errorf(e, "radar snapshot unreadable; rebuilding from the oldest mentions.scored records");
                    radar = new Radar(settings);
                }
            }
            restored = true;
        }
        return radar.offsets();
    }

    /** The radar's view of a scored mention. */
    public Observation observation(ScoredMention s) {
        var m = s.mention();
        Instant at = m.createdAt() == null ? (m.acceptedAt() == null ? s.scoredAt() : m.acceptedAt())
                : m.acceptedAt() != null && m.createdAt().isAfter(m.acceptedAt()) ? m.acceptedAt() : m.createdAt();
        if (at == null) {
            at = Instant.now();
        }
        return new Observation(m.key(), at, m.text(), m.watchlists(), s.topic(),
                owners.centreOf(m.network(), m.space(), m.watchlists()), s.language(), m.network(), terms.of(m.text()));
    }

    /**
     * Reads a batch ({@code inputs} is called on a worker thread), counts it, moves the clock and stores what the radar
     * reported (as the leader). The counting runs on a worker thread, not on the consumer's event loop: the scorer's
     * consumer shares that event loop, and the radar can take seconds when thousands of series surge at once (a
     * whole incident's terms joining it), which held every mention to be scored behind it (ADR 0135).
     */
    public Uni<Void> onRecords(java.util.function.Supplier<List<Input>> inputs) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> count(inputs.get()))).chain(this::publish);
    }

    private List<RadarEvent> count(List<Input> inputs) {
        long now = System.currentTimeMillis();
        List<RadarEvent> events;
        synchronized (this) {
            // The clock moves after each mention, so that a poll spanning hours of a quiet night never holds counts
            // further ahead of the clock than the buckets keep (the reference hour would be overwritten).
            events = new ArrayList<>();
            for (Input in : inputs) {
                Observation o = observation(in.mention());
                record(new Recorded(in.partition(), in.offset(), now, o));
                radar.observe(in.partition(), in.offset(), o, now);
                events.addAll(radar.advance(now));
            }
            flushRecording();
            counters = radar.counters();
        }
        return events;
    }

    private static BufferedWriter openRecording(java.nio.file.Path file) {
        try {
            LOG.warnf("radar: recording every mention it counts to %s (vigie.radar.record, a diagnostic)", file);
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("vigie.radar.record: cannot write " + file, e);
        }
    }

    private void record(Recorded r) {
        if (recording == null) {
            return;
        }
        try {
            recording.write(json.writeValueAsString(r));
            recording.newLine();
        } catch (IOException e) {
            LOG.warnf("radar: recording failed (%s)", e.toString());
        }
    }

    private void flushRecording() {
        if (recording != null) {
            try {
                recording.flush();
            } catch (IOException e) {
                LOG.warnf("radar: recording failed (%s)", e.toString());
            }
        }
    }

    /** Moves the clock without mentions, renews the lease, relays the outbox and takes snapshots. */
    @Scheduled(every = "${vigie.radar.tick:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (stopping || !restored) {
            // nothing to do before the consumer has its partitions (and the channels are connected)
            return Uni.createFrom().voidItem();
        }
        // The radar is advanced on a worker thread: the tick runs on an event loop, and it would wait there for the
        // radar's lock while a worker counts a batch (which can take seconds in a surge), holding whatever else that
        // event loop serves, the scorer's consumer included (ADR 0135).
        return refreshLag().chain(lagging -> underLock(() -> {
            if (lagging != null) {
                radar.behind(lagging);
            }
            List<RadarEvent> events = radar.advance(System.currentTimeMillis());
            counters = radar.counters();
            return events;
        })).chain(events -> renewIfDue().chain(() -> publish(events)))
                .chain(this::suppressClosed)
                .chain(() -> leader ? relay.relay() : Uni.createFrom().voidItem())
                .chain(this::snapshotIfDue)
                .onFailure().invoke(e -> LOG.warnf("radar tick: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Tells the radar which partitions still have records to read (the consumer's lag, known from its last fetch,
     * no request to the broker), so that a partition starved by a busy consumer is not taken for an idle one.
     */
    private Uni<Set<Integer>> refreshLag() {
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(RadarConsumer.CHANNEL);
        if (consumer == null) {
            return Uni.createFrom().nullItem();
        }
        return consumer.runOnPollingThread(c -> {
            Set<Integer> lagging = new HashSet<>();
            for (TopicPartition tp : c.assignment()) {
                OptionalLong lag = c.currentLag(tp);
                if (lag.isPresent() && lag.getAsLong() > 0) {
                    lagging.add(tp.partition());
                }
            }
            return lagging;
        });
    }

    private Uni<Void> renewIfDue() {
        Instant now = Instant.now();
        if (Duration.between(lastRenewal, now).compareTo(config.lease().dividedBy(3)) < 0) {
            return Uni.createFrom().voidItem();
        }
        lastRenewal = now;
        return state.acquire(owner, config.lease()).invoke(held -> {
            if (held && !leader) {
                LOG.infof("radar: %s is the leader (stores incidents, publishes alerts, takes snapshots)", owner);
                List<RadarEvent> recent;
                synchronized (this) {
                    recent = radar.recentEvents();
                }
                synchronized (pending) {
                    pending.addAll(0, recent);
                }
            } else if (!held && leader) {
                LOG.infof("radar: %s is a standby now", owner);
            }
            leader = held;
        }).replaceWithVoid();
    }

    /** Stores events (the leader), and whatever failed to be stored before, in order. */
    private Uni<Void> publish(List<RadarEvent> events) {
        List<RadarEvent> batch;
        // the queue of events has its own lock: this runs on an event loop, which must not wait for the radar's
        synchronized (pending) {
            if (!leader) {
                return Uni.createFrom().voidItem();
            }
            pending.addAll(events);
            if (pending.size() > MAX_PENDING && !storing) {
                LOG.errorf("radar: %d events could not be stored; dropping the oldest %d", pending.size(),
                        pending.size() - MAX_PENDING);
                pending.subList(0, pending.size() - MAX_PENDING).clear();
            }
            if (pending.isEmpty() || storing) {
                // one store at a time, in order: what waits is stored by the running one's successor
                return Uni.createFrom().voidItem();
            }
            storing = true;
            batch = List.copyOf(pending);
        }
        return incidents.record(batch).invoke(n -> {
            synchronized (pending) {
                pending.subList(0, batch.size()).clear();
            }
            for (RadarEvent e : batch) {
                alertCounters.computeIfAbsent(e.status(), s -> Counter.builder("vigie_radar_events_total")
                        .description("incident events reported by the radar").tag("status", s).register(registry))
                        .increment();
            }
        }).onFailure().invoke(e -> LOG.warnf("radar: %d events not stored yet (%s); retried at the next tick",
                batch.size(), e.toString())).onFailure().recoverWithNull()
                .eventually(() -> {
                    synchronized (pending) {
                        storing = false;
                    }
                }).replaceWithVoid();
    }

    private Uni<Void> suppressClosed() {
        if (!leader) {
            return Uni.createFrom().voidItem();
        }
        return underLock(radar::activeIncidents).chain(incidents::closedAmong)
                .chain(closed -> closed.isEmpty() ? Uni.createFrom().voidItem() : underLock(() -> {
                    closed.forEach(radar::suppress);
                    return null;
                }).replaceWithVoid());
    }

    /**
     * {@code work} on a worker thread, holding the radar's lock: a worker may hold it for seconds while it counts a
     * surge, and no event loop may wait for it (ADR 0135).
     */
    private <T> Uni<T> underLock(java.util.function.Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            synchronized (this) {
                return work.get();
            }
        }));
    }

    private Uni<Void> snapshotIfDue() {
        Instant now = Instant.now();
        if (!leader || Duration.between(lastSnapshot, now).compareTo(config.snapshotEvery()) < 0) {
            return Uni.createFrom().voidItem();
        }
        lastSnapshot = now;
        return snapshot();
    }

    /** Writes the radar's state and offsets (the leader). */
    public Uni<Void> snapshot() {
        // On a worker thread: the state is copied under the radar's lock (a plain write), then compressed outside it,
        // so that no event loop waits for the lock or the compression.
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            // The state is megabytes with a busy radar (about 6 MB in the bench): written into a buffer kept between
            // snapshots and compressed from where it was written (no doubling copies, no copy of the whole); only the
            // compressed bytes handed to the database are new (ADR 0141).
            synchronized (stateBuffer) {
                stateBuffer.reset();
                Map<Integer, Long> offsets;
                Instant clock;
                synchronized (this) {
                    try {
                        DataOutputStream out = new DataOutputStream(stateBuffer);
                        radar.write(out);
                        out.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    offsets = radar.offsets();
                    clock = radar.clock();
                }
                return new Snapshot(stateBuffer.gzip(zipBuffer), offsets, clock);
            }
        })).chain(s -> state.save(s.zipped(), s.offsets(), s.clock()));
    }

    /** A compressed copy of the radar's state with its offsets and clock. */
    private record Snapshot(byte[] zipped, Map<Integer, Long> offsets, Instant clock) {
    }

    /** The radar's state as written, compressed straight from the buffer it was written to. */
    static final class StateBuffer extends ByteArrayOutputStream {

        StateBuffer(int size) {
            super(size);
        }

        /** The gzip of what was written, compressed through {@code zipped} (reset first); a new array. */
        byte[] gzip(ByteArrayOutputStream zipped) {
            zipped.reset();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped, 1 << 16)) {
                out.write(buf, 0, count);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return zipped.toByteArray();
        }
    }

    /** Whether this instance holds the lease. */
    public boolean leader() {
        return leader;
    }

    /** The radar's counters and clock, for the API and the tests. */
    public synchronized Map<String, Object> status() {
        Map<String, Object> m = new java.util.LinkedHashMap<>(radar.counters());
        m.put("clock", radar.clock());
        m.put("leader", leader);
        m.put("offsets", radar.offsets());
        return m;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        synchronized (this) {
            flushRecording();
        }
        if (!leader) {
            return;
        }
        try {
            snapshot().chain(() -> state.release(owner)).await().atMost(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.warnf("radar: final snapshot not written: %s", e.toString());
        }
    }
}
