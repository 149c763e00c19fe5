package io.vigie.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A conversation as the agents of its centre see it in their queues. */
@Entity
@Table(name = "conversation")
public class ConversationView {

    @Id
    public String id;
    public String centre;
    public String queue;
    public String state;
    public int priority;
    public boolean actionable;
    public String network;
    public String space;
    public String language;
    @Column(name = "author_handle")
    public String authorHandle;
    @Column(name = "last_text")
    public String lastText;
    public String sentiment;
    public String topic;
    @Column(name = "routing_reasons")
    public String routingReasons;
    @Column(name = "message_count")
    public int messageCount;
    @Column(name = "sla_due_at")
    public Instant slaDueAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "last_accepted_at")
    public Instant lastAcceptedAt;
    /** The agent holding it, if any. */
    public String assignee;
    /** Whether a supervisor moved it to another centre; routing then no longer changes its centre. */
    public boolean transferred;
    @Column(name = "product_line")
    public String productLine;
    /** The internal team it is escalated to (support, marketing, b2b), if any. */
    @Column(name = "escalated_to")
    public String escalatedTo;
    @Column(name = "escalation_context")
    public String escalationContext;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "opening_sentiment")
    public String openingSentiment;
    @Column(name = "opening_score")
    public Double openingScore;
    @Column(name = "closing_sentiment")
    public String closingSentiment;
    @Column(name = "closing_score")
    public Double closingScore;
    @Column(name = "sentiment_delta")
    public Double sentimentDelta;
    @Column(name = "restated_publicly")
    public Boolean restatedPublicly;
    @Column(name = "sla_warned_at")
    public Instant slaWarnedAt;
    @Column(name = "first_message_at")
    public Instant firstMessageAt;
    @Column(name = "closed_published_at")
    public Instant closedPublishedAt;
}
