package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.workspace.domain.ExpertGrant;
import io.vigie.workspace.domain.MessageView;
import io.vigie.workspace.repository.MessageViewRepository;
import io.vigie.workspace.security.Actor;
import io.vigie.workspace.service.LiveUpdates.LiveEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** What a community expert may do on the spaces granted to them: mark an answer accepted, hide spam. */
@ApplicationScoped
public class ExpertService {

    private final GrantService grants;
    private final MessageViewRepository messages;
    private final AuditService audit;
    private final LiveUpdates live;

    public ExpertService(GrantService grants, MessageViewRepository messages, AuditService audit, LiveUpdates live) {
        this.grants = grants;
        this.messages = messages;
        this.audit = audit;
        this.live = live;
    }

    @WithTransaction
    public Uni<MessageView> accept(Actor expert, String id, String messageKey) {
        return grants.load(id, expert, ExpertGrant.ACCEPT).chain(c -> message(id, messageKey).chain(m -> {
            m.accepted = true;
            return audit.record(expert, "expert_accept", id, messageKey).replaceWith(m);
        }));
    }

    @WithTransaction
    public Uni<MessageView> hide(Actor expert, String id, String messageKey) {
        return grants.load(id, expert, ExpertGrant.HIDE).chain(c -> message(id, messageKey).chain(m -> {
            if (!MessageView.INBOUND.equals(m.direction)) {
                throw Problems.badRequest("only a customer's post can be hidden as spam");
            }
            m.hidden = true;
            return audit.record(expert, "expert_hide", id, messageKey)
                    .invoke(() -> live.publish(LiveEvent.of("state", id, c.centre, c.space, "hidden " + messageKey)))
                    .replaceWith(m);
        }));
    }

    private Uni<MessageView> message(String id, String key) {
        return messages.findById(key).map(m -> {
            if (m == null || !id.equals(m.conversationId)) {
                throw Problems.notFound("no message " + key + " in " + id);
            }
            return m;
        });
    }
}
