package io.vigie.centres.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.domain.Centre;
import io.vigie.centres.mapping.CentreMapper;
import io.vigie.centres.messaging.CentreConfigPublisher;
import io.vigie.centres.repository.CentreRepository;
import io.vigie.events.CentreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Business logic of the centres registry: read, create, change and retire centres, each change stored first and
 * then published on centres.config (a row stays unpublished until the broker acknowledged it; see ADR 0060).
 */
@ApplicationScoped
public class CentreService {

    private static final Logger LOG = Logger.getLogger(CentreService.class);

    private final CentreRepository centres;
    private final CentreMapper mapper;
    private final CentreValidator validator;
    private final CentreConfigPublisher publisher;
    private final ObjectMapper json;
    private final CentreDirectory directory;
    private final Clock clock;

    public CentreService(CentreRepository centres, CentreMapper mapper, CentreValidator validator,
            CentreConfigPublisher publisher, CentreDirectory directory, ObjectMapper json, Clock clock) {
        this.directory = directory;
        this.centres = centres;
        this.mapper = mapper;
        this.validator = validator;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
    }

    /** Active centres, by id. */
    public Uni<List<CentreConfig>> all() {
        return Panache.withSession(() -> centres.list("deleted = false", Sort.by("id")))
                .map(l -> l.stream().map(mapper::toConfig).toList());
    }

    /** One active centre, or null. */
    public Uni<CentreConfig> byId(String id) {
        return Panache.withSession(() -> centres.findById(id))
                .map(c -> c == null || c.deleted ? null : mapper.toConfig(c));
    }

    /** Creates a centre; fails with {@link CentreConflictException} if the id is taken (retired ids included). */
    public Uni<CentreConfig> create(CentreConfig config) {
        validator.check(config);
        Instant now = now();
        return Panache.withTransaction(() -> centres.findById(config.id()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(new CentreConflictException(config.id()));
            }
            Centre c = new Centre();
            mapper.apply(c, config, now);
            return centres.persist(c).map(mapper::toConfig);
        })).invoke(directory::put).call(this::publishQuietly);
    }

    /** Replaces the configuration of an active centre; null when there is none. */
    public Uni<CentreConfig> update(String id, CentreConfig config) {
        if (config != null && config.id() != null && !config.id().equals(id)) {
            throw new InvalidCentreException(List.of("id: the body's id '" + config.id() + "' differs from the path's '" + id + "'"));
        }
        CentreConfig withId = config == null ? null : new CentreConfig(config.version(), id, config.city(),
                config.timeZone(), config.primaryLanguages(), config.secondaryLanguages(), config.residencyZone(),
                config.businessHours(), config.holidays(), config.skills(), config.capacity(),
                config.saturationWaitSeconds(), config.sla(), config.spaces(), config.watchlists(), false, null);
        validator.check(withId);
        Instant now = now();
        return Panache.withTransaction(() -> centres.findById(id).map(c -> {
            if (c == null || c.deleted) {
                return null;
            }
            mapper.apply(c, withId, now);
            return mapper.toConfig(c);
        })).invoke(c -> {
            if (c != null) {
                directory.put(c);
            }
        }).call(c -> c == null ? Uni.createFrom().voidItem() : publishQuietly(c));
    }

    /** Retires an active centre (published with deleted = true); false when there is none. */
    public Uni<Boolean> retire(String id) {
        Instant now = now();
        return Panache.withTransaction(() -> centres.findById(id).map(c -> {
            if (c == null || c.deleted) {
                return null;
            }
            CentreConfig current = mapper.toConfig(c);
            c.deleted = true;
            mapper.apply(c, current, now);
            return mapper.toConfig(c);
        })).invoke(c -> {
            if (c != null) {
                directory.put(c);
            }
        }).call(c -> c == null ? Uni.createFrom().voidItem() : publishQuietly(c)).map(c -> c != null);
    }

    /** Reads a seed file (a JSON array of centres) and validates every entry; a bad file fails with every reason. */
    public List<CentreConfig> readSeed(Path file) throws IOException {
        List<CentreConfig> seed = json.readValue(Files.readAllBytes(file), new TypeReference<List<CentreConfig>>() { });
        List<String> problems = new ArrayList<>();
        for (CentreConfig c : seed) {
            validator.violations(c).forEach(v -> problems.add((c == null ? "?" : c.id()) + ": " + v));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCentreException(problems);
        }
        return seed;
    }

    /** Inserts the seed centres that are not in the registry yet (changes after that go through the API). */
    public Uni<Integer> insertAbsent(List<CentreConfig> seed) {
        Instant now = now();
        return Panache.withTransaction(() -> Multi.createFrom().iterable(seed).onItem()
                .transformToUniAndConcatenate(dto -> centres.findById(dto.id()).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(0);
                    }
                    Centre c = new Centre();
                    mapper.apply(c, dto, now);
                    return centres.persist(c).replaceWith(1);
                })).collect().asList().map(l -> l.stream().mapToInt(Integer::intValue).sum()));
    }

    /** Loads every centre into the directory and publishes it (retired ones included), as at start-up. */
    public Uni<Integer> publishAll() {
        return Panache.withSession(() -> centres.listAll(Sort.by("id")))
                .map(l -> l.stream().map(mapper::toConfig).toList())
                .invoke(configs -> configs.forEach(directory::put))
                .chain(configs -> Multi.createFrom().iterable(configs).onItem()
                        .transformToUniAndConcatenate(c -> publisher.publish(c).call(() -> markPublished(c)).replaceWith(c))
                        .collect().asList().map(List::size));
    }

    /** Publishes the centres whose latest change has not been acknowledged yet (the outbox relay). */
    public Uni<Integer> publishPending() {
        return Panache.withSession(() -> centres.list("publishedAt is null", Sort.by("id")))
                .map(l -> l.stream().map(mapper::toConfig).toList())
                .chain(configs -> Multi.createFrom().iterable(configs).onItem()
                        .transformToUniAndConcatenate(c -> publishQuietly(c).replaceWith(c)).collect().asList()
                        .map(List::size));
    }

    private Uni<Void> publishQuietly(CentreConfig c) {
        return publisher.publish(c).call(() -> markPublished(c))
                .onFailure().invoke(e -> LOG.warnf("centre %s not published yet (%s); the relay will retry", c.id(), e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Integer> markPublished(CentreConfig c) {
        return Panache.withTransaction(() -> centres.update("publishedAt = ?1 where id = ?2 and updatedAt = ?3",
                now(), c.id(), c.updatedAt()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
