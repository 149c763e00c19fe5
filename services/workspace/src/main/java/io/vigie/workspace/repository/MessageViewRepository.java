package io.vigie.workspace.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.MessageView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Data access to the messages of conversations. */
@ApplicationScoped
public class MessageViewRepository implements PanacheRepositoryBase<MessageView, String> {

    /** The messages of a conversation in the order they were written. */
    public Uni<List<MessageView>> ofConversation(String conversationId) {
        return list("conversationId = ?1 order by createdAt, mentionKey", conversationId);
    }
}
