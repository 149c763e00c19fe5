package io.vigie.workspace.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.DeliveryReceipt;
import io.vigie.events.Reply;
import io.vigie.workspace.config.WorkspaceConfig;
import io.vigie.workspace.domain.ConversationView;
import io.vigie.workspace.domain.ExpertGrant;
import io.vigie.workspace.domain.MessageView;
import io.vigie.workspace.domain.policy.PolicyInput;
import io.vigie.workspace.domain.policy.PolicyVerdict;
import io.vigie.workspace.domain.policy.ReplyPolicy;
import io.vigie.workspace.messaging.OutboundEvents;
import io.vigie.workspace.repository.MessageViewRepository;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.vigie.workspace.security.Actor;
import io.vigie.workspace.service.LiveUpdates.LiveEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/**
 * Public replies: the policy check, storing the reply (the outbox), publishing it on replies.outbound, and the
 * delivery receipts coming back. Experts' answers wait for an agent's review when configured so.
 */
@ApplicationScoped
public class ReplyService {

    private static final Logger LOG = Logger.getLogger(ReplyService.class);

    /** Delivery status of an expert's answer waiting for review. */
    public static final String REVIEW = "review";
    /** Delivery status of a reply stored and being published. */
    public static final String PENDING = "pending";
    /** Delivery status of an expert's answer an agent turned down. */
    public static final String REJECTED = "rejected";

    private final AgentActionService actions;
    private final GrantService grants;
    private final MessageViewRepository messages;
    private final AuditService audit;
    private final OutboundEvents events;
    private final LiveUpdates live;
    private final WorkspaceConfig config;
    private final MeterRegistry meters;

    public ReplyService(AgentActionService actions, GrantService grants, MessageViewRepository messages,
            AuditService audit, OutboundEvents events, LiveUpdates live, WorkspaceConfig config, MeterRegistry meters) {
        this.meters = meters;
        this.actions = actions;
        this.grants = grants;
        this.messages = messages;
        this.audit = audit;
        this.events = events;
        this.live = live;
        this.config = config;
    }

    /**
     * What the agent wants to post.
     *
     * @param text      the reply
     * @param language  its language (null: the customer's)
     * @param space     the brand account to post from (null: the conversation's space)
     * @param inReplyTo native id of the customer's post answered (null: their latest)
     * @param override  a supervisor's reason for posting despite the policy (null: no override)
     */
    public record Draft(String text, String language, String space, String inReplyTo, String override) {
    }

    /** Checks a draft against the policy in the context of a conversation visible to the caller. */
    @WithSession
    public Uni<PolicyVerdict> check(Actor actor, String conversationId, Draft draft) {
        if (conversationId == null) {
            return Uni.createFrom().item(ReplyPolicy.check(PolicyInput.ofText(draft.text(), draft.language())));
        }
        return visible(actor, conversationId, null).chain(c -> context(c, draft)).map(ReplyPolicy::check);
    }

    private Uni<ConversationView> visible(Actor actor, String id, String expertRight) {
        return isStaff(actor) ? actions.load(id, actor) : grants.load(id, actor, expertRight);
    }

    static boolean isStaff(Actor actor) {
        return actor.roles().contains(Actor.AGENT) || actor.supervisor();
    }

    private Uni<PolicyInput> context(ConversationView c, Draft d) {
        return messages.ofConversation(c.id).chain(all -> messages.answeredPosts(c.id).map(answered -> {
            List<MessageView> customer = all.stream().filter(m -> MessageView.INBOUND.equals(m.direction)).toList();
            String target = d.inReplyTo() != null ? d.inReplyTo() : latestPost(customer);
            return new PolicyInput(d.text(), d.language(), c.language, d.space() == null ? c.space : d.space(), c.space,
                    target, new HashSet<>(answered), customer.stream().map(m -> m.text).toList());
        }));
    }

    private static String latestPost(List<MessageView> customer) {
        return customer.stream().filter(m -> !m.hidden).reduce((a, b) -> b).map(m -> m.nativeId).orElse(null);
    }

    /** An agent's (or supervisor's) reply: policy, store, publish. 422 with the violations when the policy blocks it. */
    public Uni<MessageView> send(Actor actor, String conversationId, Draft draft) {
        return Panache.withTransaction(() -> actions.loadForUpdate(conversationId, actor).chain(c -> {
            AgentActionService.requireOpen(c);
            AgentActionService.requireHolderOrFree(c, actor);
            if (draft.override() != null && !actor.supervisor()) {
                throw Problems.forbidden("only a supervisor may override the public-reply policy");
            }
            return context(c, draft).chain(input -> {
                PolicyVerdict verdict = ReplyPolicy.check(input);
                boolean override = !verdict.allowed() && draft.override() != null;
                if (!verdict.allowed() && !override) {
                    throw blocked(verdict);
                }
                count(override ? "overridden" : "accepted", verdict);
                MessageView m = outbound(c, actor, draft, input, false, PENDING);
                if (c.assignee == null) {
                    c.assignee = actor.name();
                }
                c.state = "waiting_customer";
                c.updatedAt = m.createdAt;
                Uni<?> audited = override
                        ? audit.record(actor, "policy_override", c.id, "rules " + verdict.rules() + " overridden: "
                                + draft.override() + " | reply " + m.mentionKey, true)
                        : Uni.createFrom().voidItem();
                return messages.persist(m).call(() -> audited)
                        .call(() -> audit.record(actor, "reply", c.id, m.mentionKey));
            });
        })).call(this::publish);
    }

    /** An expert's answer on a granted space: policy (no override), then review or publish. */
    public Uni<MessageView> sendAsExpert(Actor expert, String conversationId, Draft draft) {
        if (draft.override() != null) {
            throw Problems.forbidden("only a supervisor may override the public-reply policy");
        }
        boolean review = config.expertReviewRequired();
        return live.afterCommit(() -> Panache.withTransaction(() -> grants.load(conversationId, expert, ExpertGrant.ANSWER).chain(c -> {
            AgentActionService.requireOpen(c);
            return context(c, draft).chain(input -> {
                PolicyVerdict verdict = ReplyPolicy.check(input);
                if (!verdict.allowed()) {
                    throw blocked(verdict);
                }
                count("expert", verdict);
                MessageView m = outbound(c, expert, draft, input, true, review ? REVIEW : PENDING);
                m.reviewStatus = review ? "pending" : "not_required";
                return messages.persist(m).call(() -> audit.record(expert, "expert_reply", c.id, m.mentionKey))
                        .invoke(() -> live.publish(LiveEvent.of("review", c.id, c.centre, c.space, m.mentionKey)));
            });
        }))).call(m -> PENDING.equals(m.deliveryStatus) ? publish(m) : Uni.createFrom().voidItem());
    }

    /** An agent approves (then it is posted) or rejects an expert's answer waiting for review. */
    public Uni<MessageView> review(Actor actor, String conversationId, String messageKey, boolean approve) {
        return Panache.withTransaction(() -> actions.load(conversationId, actor).chain(c -> messages.findById(messageKey)
                .chain(m -> {
                    if (m == null || !conversationId.equals(m.conversationId) || !m.expert) {
                        throw Problems.notFound("no expert answer " + messageKey + " in " + conversationId);
                    }
                    if (!REVIEW.equals(m.deliveryStatus)) {
                        throw Problems.conflict("answer " + messageKey + " is not waiting for review");
                    }
                    m.reviewStatus = approve ? "approved" : REJECTED;
                    m.deliveryStatus = approve ? PENDING : REJECTED;
                    m.createdAt = approve ? Instant.now() : m.createdAt;
                    return audit.record(actor, approve ? "review_approve" : "review_reject", c.id, messageKey).replaceWith(m);
                }))).call(m -> approve ? publish(m) : Uni.createFrom().voidItem());
    }

    /** Counts replies by outcome and the rules overridden ({@code vigie_workspace_replies_total}). */
    private void count(String outcome, PolicyVerdict verdict) {
        meters.counter("vigie.workspace.replies", "outcome", outcome).increment();
        verdict.rules().forEach(r -> meters.counter("vigie.workspace.policy.overrides", "rule", r).increment());
    }

    private HttpProblem blocked(PolicyVerdict verdict) {
        meters.counter("vigie.workspace.replies", "outcome", "blocked").increment();
        verdict.rules().forEach(r -> meters.counter("vigie.workspace.policy.blocks", "rule", r).increment());
        return HttpProblem.builder().withStatus(422).withTitle("Blocked by the public-reply policy")
                .withDetail("the reply breaks " + verdict.rules())
                .with("violations", verdict.violations())
                .with("detectedLanguage", verdict.detectedLanguage())
                .build();
    }

    private static MessageView outbound(ConversationView c, Actor author, Draft d, PolicyInput in, boolean expert,
            String status) {
        MessageView m = new MessageView();
        String replyId = UUID.randomUUID().toString();
        m.mentionKey = MessageView.REPLY_PREFIX + replyId;
        m.conversationId = c.id;
        m.direction = MessageView.OUTBOUND;
        m.authorHandle = c.space;
        m.agentId = author.name();
        m.text = d.text();
        m.language = d.language() != null ? d.language() : c.language;
        m.space = in.replySpace();
        m.inReplyTo = in.inReplyTo();
        m.expert = expert;
        m.deliveryStatus = status;
        m.createdAt = Instant.now();
        return m;
    }

    /** Hands a stored reply to the broker, then marks it published; a failure leaves it to the outbox. */
    public Uni<Void> publish(MessageView m) {
        Reply reply = new Reply(Reply.VERSION, m.mentionKey.substring(MessageView.REPLY_PREFIX.length()),
                m.conversationId, networkOf(m.conversationId), m.space, m.inReplyTo, m.text, m.language, m.agentId,
                null, m.createdAt);
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(ConversationView.class, m.conversationId)))
                .map(c -> new Reply(reply.version(), reply.replyId(), reply.conversationId(), c.network, reply.space(),
                        reply.inReplyTo(), reply.text(), reply.language(), reply.agentId(), c.centre, reply.createdAt()))
                .chain(events::reply)
                .chain(() -> markPublished(m.mentionKey))
                .onFailure().recoverWithUni(e -> {
                    LOG.warnf(e, "reply %s not published yet; the outbox will retry", m.mentionKey);
                    return Uni.createFrom().voidItem();
                });
    }

    private static String networkOf(String conversationId) {
        int i = conversationId.indexOf(':');
        return i > 0 ? conversationId.substring(0, i) : null;
    }

    @WithTransaction
    Uni<Void> markPublished(String key) {
        return messages.update("publishedAt = ?1 where mentionKey = ?2 and publishedAt is null", Instant.now(), key)
                .replaceWithVoid();
    }

    /** Replies stored but not yet acknowledged by the broker, older than the outbox delay. */
    @WithSession
    public Uni<List<MessageView>> unpublished() {
        return messages.unpublished(Instant.now().minus(config.republishAfter()));
    }

    /** Applies a delivery receipt to its reply (idempotent); a receipt of an unknown reply is ignored. */
    @WithTransaction
    public Uni<MessageView> applyReceipt(DeliveryReceipt r) {
        return messages.findById(MessageView.REPLY_PREFIX + r.replyId()).chain(m -> {
            if (m == null) {
                LOG.debugf("receipt of unknown reply %s ignored", r.replyId());
                return Uni.createFrom().nullItem();
            }
            m.deliveryStatus = r.status();
            m.deliveryReason = r.reason();
            m.networkPostId = r.networkId();
            m.deliveredAt = r.at();
            if (m.publishedAt == null) {
                m.publishedAt = Instant.now();
            }
            return Panache.getSession().chain(s -> s.find(ConversationView.class, m.conversationId)).map(c -> {
                live.publish(LiveEvent.of("receipt", m.conversationId, c.centre, c.space,
                        m.mentionKey + " " + r.status() + (r.reason() == null ? "" : ": " + r.reason())));
                return m;
            });
        });
    }
}
