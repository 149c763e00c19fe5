package io.vigie.ingestion.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vigie.ingestion.client.HttpSupport;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.domain.WatchlistRecord;
import io.vigie.ingestion.domain.query.QueryParser;
import io.vigie.ingestion.mapping.XRuleTranslator;
import io.vigie.ingestion.repository.WatchlistRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Keeps the X filtered-stream rules equal to the watchlists: one rule per expressible watchlist, tagged with its id. */
@ApplicationScoped
public class XRuleSync {

    private static final Logger LOG = Logger.getLogger(XRuleSync.class);

    private final HttpSupport http;
    private final IngestionConfig.X config;
    private final WatchlistRepository watchlists;
    private final ConnectorStatus status;

    public XRuleSync(HttpSupport http, IngestionConfig config, WatchlistRepository watchlists, ConnectorStatus status) {
        this.http = http;
        this.config = config.x();
        this.watchlists = watchlists;
        this.status = status;
    }

    @Scheduled(every = "${vigie.ingestion.watchlists.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!config.stream() || config.bearerToken().filter(t -> !t.isBlank()).isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sync().onFailure().invoke(e -> status.error(XStreamConnector.NAME, "rule sync failed: " + e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Adds the missing rules and deletes the stale ones. */
    public Uni<Void> sync() {
        String url = config.baseUrl().replaceAll("/+$", "") + "/2/tweets/search/stream/rules";
        return Panache.withSession(watchlists::listAll).chain(all -> {
            Map<String, String> desired = desired(all);
            return http.request(HttpMethod.GET, url).bearerTokenAuthentication(config.bearerToken().get()).send().chain(r -> {
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("rules answered " + r.statusCode() + ": " + r.bodyAsString());
                }
                JsonArray current = r.bodyAsJsonObject().getJsonArray("data", new JsonArray());
                JsonArray delete = new JsonArray();
                Map<String, String> missing = new HashMap<>(desired);
                for (Object o : current) {
                    JsonObject rule = (JsonObject) o;
                    String tag = rule.getString("tag");
                    if (tag != null && rule.getString("value").equals(desired.get(tag))) {
                        missing.remove(tag);
                    } else {
                        delete.add(rule.getString("id"));
                    }
                }
                JsonObject change = new JsonObject();
                if (!delete.isEmpty()) {
                    change.put("delete", new JsonObject().put("ids", delete));
                }
                Uni<Void> deleted = delete.isEmpty() ? Uni.createFrom().voidItem() : post(url, change);
                if (missing.isEmpty()) {
                    return deleted;
                }
                JsonArray add = new JsonArray();
                missing.forEach((tag, value) -> add.add(new JsonObject().put("value", value).put("tag", tag)));
                return deleted.chain(() -> post(url, new JsonObject().put("add", add)));
            });
        });
    }

    private Uni<Void> post(String url, JsonObject body) {
        return http.request(HttpMethod.POST, url).bearerTokenAuthentication(config.bearerToken().get()).sendJsonObject(body)
                .invoke(r -> {
                    if (r.statusCode() / 100 != 2) {
                        throw new IllegalStateException("rules update answered " + r.statusCode() + ": " + r.bodyAsString());
                    }
                    LOG.infof("X stream rules updated: %s", body.encode());
                }).replaceWithVoid();
    }

    static Map<String, String> desired(List<WatchlistRecord> all) {
        Map<String, String> desired = new HashMap<>();
        for (WatchlistRecord w : all) {
            try {
                Optional<String> rule = XRuleTranslator.translate(QueryParser.parse(w.query));
                rule.ifPresent(r -> desired.put(w.id, r));
            } catch (RuntimeException e) {
                LOG.debugf("watchlist %s has no X rule: %s", w.id, e.getMessage());
            }
        }
        return desired;
    }
}
