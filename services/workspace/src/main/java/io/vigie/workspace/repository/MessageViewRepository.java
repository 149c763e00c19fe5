package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Data access to the messages of conversations. */
@ApplicationScoped
public class MessageViewRepository implements PanacheRepositoryBase<MessageView, String> {

    /** Which of these message keys are stored. */
    public Uni<List<String>> storedKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("select m.mentionKey from MessageView m where m.mentionKey in ?1", List.copyOf(keys))
                .project(String.class).list();
    }

    /** The messages of a conversation in the order they were written. */
    public Uni<List<MessageView>> ofConversation(String conversationId) {
        return list("conversationId = ?1 order by createdAt, mentionKey", conversationId);
    }

    /** Native ids of the posts of a conversation that already have a public reply (sent or on its way). */
    public Uni<List<String>> answeredPosts(String conversationId) {
        return find("select m.inReplyTo from MessageView m where m.conversationId = ?1 and m.direction = 'outbound'"
                + " and m.inReplyTo is not null and m.deliveryStatus <> 'failed' and m.deliveryStatus <> 'rejected'",
                conversationId).project(String.class).list();
    }

    /** Replies waiting in the outbox since before {@code before}. */
    public Uni<List<MessageView>> unpublished(java.time.Instant before) {
        return list("direction = 'outbound' and publishedAt is null and deliveryStatus = 'pending' and createdAt < ?1",
                before);
    }
}
