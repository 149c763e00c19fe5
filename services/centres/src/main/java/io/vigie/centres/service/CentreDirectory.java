package io.vigie.centres.service;

import io.vigie.events.CentreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active centres held in memory (the registry is a handful of rows), refreshed by every registry change:
 * what the status clock and the wall read on every tick without a database session.
 */
@ApplicationScoped
public class CentreDirectory {

    private final Map<String, CentreConfig> active = new ConcurrentHashMap<>();

    /** Takes in a stored configuration; a retired centre leaves the directory. */
    public void put(CentreConfig c) {
        if (c.deleted()) {
            active.remove(c.id());
        } else {
            active.put(c.id(), c);
        }
    }

    /** The active centres, by id. */
    public List<CentreConfig> active() {
        return active.values().stream().sorted(Comparator.comparing(CentreConfig::id)).toList();
    }

    /** One active centre, or null. */
    public CentreConfig get(String id) {
        return id == null ? null : active.get(id);
    }
}
