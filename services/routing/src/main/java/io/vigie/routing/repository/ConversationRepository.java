package io.vigie.routing.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigie.routing.domain.Conversation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Data access to conversations, their messages and their transitions. */
@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, String> {

    /** Threads a message into its conversation; emits false if it was threaded already (a redelivery). */
    public Uni<Boolean> addMessage(String conversationId, String mentionKey, Instant createdAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into conversation_message (mention_key, conversation_id, created_at) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, mentionKey)
                .setParameter(2, conversationId)
                .setParameter(3, OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .executeUpdate())
                .map(n -> n > 0);
    }

    /** Records a state change with its reason. */
    public Uni<Integer> recordTransition(String conversationId, String from, String to, String reason, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into conversation_transition (conversation_id, from_state, to_state, reason, at)
                values (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, conversationId)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, reason)
                .setParameter(5, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate());
    }
}
