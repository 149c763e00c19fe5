package io.vigie.scoring.service;

import io.vigie.events.CentreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which centre owns each brand space and each watchlist, followed from centres.config: the radar counts a mention
 * for the centre of its space (else of its first watchlist).
 */
@ApplicationScoped
public class SpaceOwners {

    private final Map<String, CentreConfig> centres = new ConcurrentHashMap<>();
    private volatile Map<String, String> spaces = Map.of();
    private volatile Map<String, String> watchlists = Map.of();

    /** Applies one record of centres.config (null: the centre is retired). */
    public synchronized void apply(String id, CentreConfig config) {
        if (config == null || config.deleted()) {
            centres.remove(id);
        } else {
            centres.put(id, config);
        }
        Map<String, String> s = new ConcurrentHashMap<>();
        Map<String, String> w = new ConcurrentHashMap<>();
        centres.values().stream().sorted(java.util.Comparator.comparing(CentreConfig::id)).forEach(c -> {
            c.spaces().forEach(x -> s.putIfAbsent(x, c.id()));
            c.watchlists().forEach(x -> w.putIfAbsent(x, c.id()));
        });
        spaces = s;
        watchlists = w;
    }

    /** The centre of a mention's space, else of its first owned watchlist, else null. */
    public String centreOf(String network, String space, Iterable<String> mentionWatchlists) {
        if (space != null) {
            String c = spaces.get(space);
            if (c == null && network != null && !space.startsWith(network + ":")) {
                c = spaces.get(network + ":" + space);
            }
            if (c != null) {
                return c;
            }
        }
        for (String w : mentionWatchlists) {
            String c = watchlists.get(w);
            if (c != null) {
                return c;
            }
        }
        return null;
    }
}
