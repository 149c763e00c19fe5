package io.vigie.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A conversation: the thread of posts started by one root post, and where it is routed. */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    public String id;
    public String network;
    public String space;
    @Column(name = "author_id")
    public String authorId;
    public String language;
    public String state;
    public String centre;
    public String queue;
    public int priority;
    @Column(name = "message_count")
    public int messageCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
