package io.vigie.ingestion.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vigie.events.Mention;
import io.vigie.ingestion.domain.WatchlistRecord;
import io.vigie.ingestion.domain.query.MatchDocument;
import io.vigie.ingestion.domain.query.Query;
import io.vigie.ingestion.domain.query.QueryParser;
import io.vigie.ingestion.domain.query.QuerySyntaxException;
import io.vigie.ingestion.domain.query.WatchlistIndex;
import io.vigie.ingestion.repository.WatchlistRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Tags mentions with the watchlists they match. Keeps every watchlist compiled in memory; reloads them after each
 * change made through this instance and every {@code vigie.ingestion.watchlists.refresh} for changes made elsewhere.
 */
@ApplicationScoped
public class WatchlistMatcher {

    private static final Logger LOG = Logger.getLogger(WatchlistMatcher.class);

    /** A watchlist ready to match. */
    public record Compiled(String id, Query query) {
    }

    private final WatchlistRepository repository;
    private volatile WatchlistIndex compiled;
    private final AtomicLong reloads = new AtomicLong();
    private long installed;

    public WatchlistMatcher(WatchlistRepository repository) {
        this.repository = repository;
    }

    /** The mention with its {@code watchlists} set to the ids of the watchlists it matches. */
    public Uni<Mention> tag(Mention mention) {
        return current().map(index -> withWatchlists(mention, index.matching(document(mention))));
    }

    /** The index of compiled watchlists, for tagging. */
    public static WatchlistIndex index(List<Compiled> watchlists) {
        return new WatchlistIndex(watchlists.stream().map(Compiled::id).toList(), watchlists.stream().map(Compiled::query).toList());
    }

    /** The ids, in load order, of the compiled watchlists that match the document, evaluating every one (reference). */
    public static List<String> matching(List<Compiled> watchlists, MatchDocument doc) {
        List<String> ids = new ArrayList<>(2);
        for (Compiled c : watchlists) {
            if (c.query().matches(doc)) {
                ids.add(c.id());
            }
        }
        return ids;
    }

    /** The matching view of a mention. */
    public static MatchDocument document(Mention m) {
        return MatchDocument.of(m.text(), m.network(), m.space(), m.langHint(),
                m.author() == null ? null : m.author().id(), m.author() == null ? null : m.author().handle());
    }

    /**
     * Reloads every watchlist from the database. Reloads can overlap (a change's and the periodic one); the index of
     * the one that started last is kept, so a reload started before a change cannot put back the list without it.
     */
    public Uni<Void> reload() {
        long ticket = reloads.incrementAndGet();
        return Panache.withSession(repository::listAll).invoke(records -> install(ticket, index(compile(records))))
                .replaceWithVoid();
    }

    private synchronized void install(long ticket, WatchlistIndex index) {
        if (ticket > installed) {
            installed = ticket;
            compiled = index;
        }
    }

    @Scheduled(every = "${vigie.ingestion.watchlists.refresh}", delayed = "${vigie.ingestion.watchlists.refresh}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return reload().onFailure().invoke(e -> LOG.warn("Could not reload the watchlists; keeping the previous ones", e))
                .onFailure().recoverWithNull();
    }

    private Uni<WatchlistIndex> current() {
        WatchlistIndex c = compiled;
        return c != null ? Uni.createFrom().item(c) : reload().map(v -> compiled);
    }

    static List<Compiled> compile(List<WatchlistRecord> records) {
        List<Compiled> out = new ArrayList<>(records.size());
        for (WatchlistRecord r : records) {
            try {
                out.add(new Compiled(r.id, QueryParser.parse(r.query)));
            } catch (QuerySyntaxException e) {
                LOG.errorf("Watchlist %s has a query that no longer parses and is skipped: %s", r.id, e.getMessage());
            }
        }
        return List.copyOf(out);
    }

    static Mention withWatchlists(Mention m, List<String> ids) {
        return new Mention(m.version(), m.network(), m.nativeId(), m.space(), m.threadId(), m.inReplyTo(), m.author(),
                m.text(), m.langHint(), m.createdAt(), m.url(), ids, m.acceptedAt());
    }
}
