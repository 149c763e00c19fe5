package io.vigie.routing.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigie.routing.domain.Agent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Data access to agents; locking a centre's online agents serialises assignment in that centre (ADR 0040). */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, String> {

    /** Creates the agent row, offline, if absent; then returns it locked. */
    public Uni<Agent> lockOrCreate(String id, String centre, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into agent (id, centre, status, capacity, status_at, idle_since)
                values (?1, ?2, 'offline', 0, ?3, ?3) on conflict do nothing""")
                .setParameter(1, id).setParameter(2, centre)
                .setParameter(3, OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC))
                .executeUpdate())
                .chain(() -> findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The online agents of a centre, locked in id order (a consistent order, so no deadlock). */
    public Uni<List<Agent>> lockOnline(String centre) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                select * from agent where centre = ?1 and status = 'online' order by id for update""", Agent.class)
                .setParameter(1, centre)
                .getResultList());
    }
}
