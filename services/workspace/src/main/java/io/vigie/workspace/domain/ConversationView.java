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
}
