package io.vigie.ingestion.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.Mention;
import io.vigie.ingestion.config.IngestionConfig;
import io.vigie.ingestion.domain.MentionRecord;
import io.vigie.ingestion.domain.SpaceRecord;
import io.vigie.ingestion.domain.WatchlistRecord;
import io.vigie.ingestion.domain.query.Query;
import io.vigie.ingestion.domain.query.QueryParser;
import io.vigie.ingestion.mapping.MentionMapper;
import io.vigie.ingestion.repository.MentionRepository;
import io.vigie.ingestion.repository.SpaceRepository;
import io.vigie.ingestion.repository.WatchlistRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Business logic of the admin API: a centre's spaces and watchlists, and watchlist dry-runs. */
@ApplicationScoped
public class AdminService {

    /** Purposes a space can serve. */
    public static final Set<String> PURPOSES = Set.of("support", "expertise", "education", "communication",
            "entertainment", "promotion");

    private static final int MAX_SAMPLES = 20;

    private final SpaceRepository spaces;
    private final WatchlistRepository watchlists;
    private final MentionRepository mentions;
    private final WatchlistMatcher matcher;
    private final ObjectMapper json;
    private final IngestionConfig config;

    public AdminService(SpaceRepository spaces, WatchlistRepository watchlists, MentionRepository mentions,
            WatchlistMatcher matcher, ObjectMapper json, IngestionConfig config) {
        this.spaces = spaces;
        this.watchlists = watchlists;
        this.mentions = mentions;
        this.matcher = matcher;
        this.json = json;
        this.config = config;
    }

    // ---- spaces -----------------------------------------------------------------------------------

    @WithSession
    public Uni<List<SpaceRecord>> spaces(String centre) {
        return spaces.ofCentre(centre);
    }

    @WithSession
    public Uni<SpaceRecord> space(String centre, String id) {
        return spaces.findById(id).map(s -> owned(s, centre, "space", id));
    }

    /** Creates a space, or replaces it if the centre already owns one with this id; another centre's id conflicts. */
    @WithTransaction
    public Uni<SpaceRecord> putSpace(String centre, String id, String network, String name, String purpose, String owner) {
        String checkedId = required("id", id, 300);
        String checkedNetwork = required("network", network, 32);
        if (!MentionMapper.NETWORKS.contains(checkedNetwork)) {
            throw new BadRequestException("network '" + checkedNetwork + "' is not one of " + MentionMapper.NETWORKS.stream().sorted().toList());
        }
        String checkedName = required("name", name, 200);
        String checkedPurpose = required("purpose", purpose, 32);
        if (!PURPOSES.contains(checkedPurpose)) {
            throw new BadRequestException("purpose '" + checkedPurpose + "' is not one of " + PURPOSES.stream().sorted().toList());
        }
        return spaces.findById(checkedId).chain(existing -> {
            Instant now = Instant.now();
            if (existing != null && !existing.centre.equals(centre)) {
                throw new ClientErrorException("space '" + checkedId + "' belongs to another centre", Response.Status.CONFLICT);
            }
            SpaceRecord s = existing != null ? existing : new SpaceRecord();
            if (existing == null) {
                s.id = checkedId;
                s.centre = centre;
                s.createdAt = now;
            }
            s.network = checkedNetwork;
            s.name = checkedName;
            s.purpose = checkedPurpose;
            s.owner = owner == null || owner.isBlank() ? null : owner.strip();
            s.updatedAt = now;
            return existing != null ? Uni.createFrom().item(s) : spaces.persist(s);
        });
    }

    @WithTransaction
    public Uni<Void> deleteSpace(String centre, String id) {
        return spaces.findById(id).map(s -> owned(s, centre, "space", id)).chain(spaces::delete);
    }

    // ---- watchlists -------------------------------------------------------------------------------

    @WithSession
    public Uni<List<WatchlistRecord>> watchlists(String centre) {
        return watchlists.ofCentre(centre);
    }

    @WithSession
    public Uni<WatchlistRecord> watchlist(String centre, String id) {
        return watchlists.findById(id).map(w -> owned(w, centre, "watchlist", id));
    }

    /** Creates a watchlist; a query that does not parse is refused with the column of the mistake. */
    public Uni<WatchlistRecord> createWatchlist(String centre, String name, String query) {
        String checkedName = required("name", name, 200);
        QueryParser.parse(query);
        return persistWatchlist(centre, checkedName, query.strip()).call(matcher::reload);
    }

    @WithTransaction
    Uni<WatchlistRecord> persistWatchlist(String centre, String name, String query) {
        WatchlistRecord w = new WatchlistRecord();
        w.id = UUID.randomUUID().toString();
        w.centre = centre;
        w.name = name;
        w.query = query;
        w.createdAt = Instant.now();
        w.updatedAt = w.createdAt;
        return watchlists.persist(w);
    }

    /** Replaces a watchlist's name and query. */
    public Uni<WatchlistRecord> updateWatchlist(String centre, String id, String name, String query) {
        String checkedName = required("name", name, 200);
        QueryParser.parse(query);
        return replaceWatchlist(centre, id, checkedName, query.strip()).call(matcher::reload);
    }

    @WithTransaction
    Uni<WatchlistRecord> replaceWatchlist(String centre, String id, String name, String query) {
        return watchlists.findById(id).map(w -> {
            WatchlistRecord owned = owned(w, centre, "watchlist", id);
            owned.name = name;
            owned.query = query;
            owned.updatedAt = Instant.now();
            return owned;
        });
    }

    public Uni<Void> deleteWatchlist(String centre, String id) {
        return removeWatchlist(centre, id).call(matcher::reload);
    }

    @WithTransaction
    Uni<Void> removeWatchlist(String centre, String id) {
        return watchlists.findById(id).map(w -> owned(w, centre, "watchlist", id)).chain(watchlists::delete);
    }

    /** What {@code query} would have matched among the most recent mentions (all networks, newest first). */
    @WithSession
    public Uni<DryRunResult> dryRun(String query, Integer scan) {
        Query q = QueryParser.parse(query);
        int limit = scan == null ? config.watchlists().dryRunScan() : Math.max(1, Math.min(scan, config.watchlists().dryRunScan()));
        return mentions.recent(limit).map(records -> {
            int matched = 0;
            List<DryRunResult.Sample> samples = new ArrayList<>();
            for (MentionRecord r : records) {
                Mention m = read(r);
                if (m != null && q.matches(WatchlistMatcher.document(m))) {
                    matched++;
                    if (samples.size() < MAX_SAMPLES) {
                        samples.add(new DryRunResult.Sample(m.key(), m.network(), m.space(),
                                m.author() == null ? null : m.author().handle(), m.text(), m.createdAt()));
                    }
                }
            }
            return new DryRunResult(query, records.size(), matched, samples);
        });
    }

    private Mention read(MentionRecord r) {
        try {
            return json.readValue(r.payload, Mention.class);
        } catch (Exception e) {
            return null;
        }
    }

    private static <T> T owned(T record, String centre, String kind, String id) {
        String owner = record instanceof SpaceRecord s ? s.centre : record instanceof WatchlistRecord w ? w.centre : null;
        if (record == null || !centre.equals(owner)) {
            throw new NotFoundException(kind + " '" + id + "' not found in centre " + centre);
        }
        return record;
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field + " is required");
        }
        if (value.strip().length() > max) {
            throw new BadRequestException(field + " is longer than " + max + " characters");
        }
        return value.strip();
    }
}
