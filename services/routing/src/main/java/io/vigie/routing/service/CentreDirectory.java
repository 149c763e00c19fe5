package io.vigie.routing.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.vigie.events.CentreConfig;
import io.vigie.events.CentreStatus;
import io.vigie.routing.config.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * What this routing instance knows of the centres: their configuration (from centres.config, or the seed file until
 * the topic says otherwise) and their latest status (from centres.status). Every instance reads both topics whole.
 */
@ApplicationScoped
public class CentreDirectory {

    private static final Logger LOG = Logger.getLogger(CentreDirectory.class);

    private final Map<String, CentreConfig> configs = new ConcurrentHashMap<>();
    private final Map<String, CentreStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Boolean> fromTopic = new ConcurrentHashMap<>();
    private final RoutingConfig config;
    private final ObjectMapper json;

    public CentreDirectory(RoutingConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        config.centresSeedFile().filter(f -> !f.isBlank()).ifPresent(this::seed);
    }

    /** Loads centres from a JSON array of CentreConfig; a centre already received from the topic is kept. */
    public void seed(String file) {
        try {
            List<CentreConfig> seeded = json.readValue(Files.readString(Path.of(file)), new TypeReference<List<CentreConfig>>() {
            });
            for (CentreConfig c : seeded) {
                if (c.id() != null && !fromTopic.containsKey(c.id())) {
                    configs.put(c.id(), c);
                }
            }
            LOG.infof("Seeded %d centres from %s", seeded.size(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the centres seed file " + file, e);
        }
    }

    /** Applies a record of centres.config; a retired centre (or a tombstone) is removed. */
    public void apply(String id, CentreConfig centre) {
        fromTopic.put(id, true);
        if (centre == null || centre.deleted()) {
            configs.remove(id);
        } else {
            CentreConfig known = configs.get(id);
            if (known == null || known.updatedAt() == null || centre.updatedAt() == null
                    || !centre.updatedAt().isBefore(known.updatedAt())) {
                configs.put(id, centre);
            }
        }
    }

    /** Applies a record of centres.status (the newest one wins). */
    public void apply(CentreStatus status) {
        statuses.merge(status.centre(), status,
                (old, neu) -> neu.at() != null && old.at() != null && neu.at().isBefore(old.at()) ? old : neu);
    }

    public Optional<CentreConfig> centre(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(configs.get(id));
    }

    public Optional<CentreStatus> status(String id) {
        return Optional.ofNullable(statuses.get(id));
    }

    public Collection<CentreConfig> centres() {
        return configs.values();
    }

    public boolean isEmpty() {
        return configs.isEmpty();
    }
}
