package io.vigie.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One message of a conversation, inbound from the customer or outbound from an agent. */
@Entity
@Table(name = "message")
public class MessageView {

    @Id
    @Column(name = "mention_key")
    public String mentionKey;
    @Column(name = "conversation_id")
    public String conversationId;
    public String direction;
    @Column(name = "author_handle")
    public String authorHandle;
    public String text;
    public String language;
    public String sentiment;
    @Column(name = "sentiment_score")
    public Double sentimentScore;
    @Column(name = "created_at")
    public Instant createdAt;
}
