package io.vigie.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A conversation: the thread of posts started by one root post, where it is routed, who holds it and its SLA clock. */
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
    /** The centre that owns it now (null while no centre configuration covers it). */
    public String centre;
    /** The centre chosen by language before any overflow. */
    @Column(name = "home_centre")
    public String homeCentre;
    public String queue;
    public int priority;
    @Column(name = "message_count")
    public int messageCount;
    /** Arrival order (a database sequence), the tie-breaker within one priority. */
    @Column(insertable = false, updatable = false)
    public long arrival;
    public boolean actionable;
    /** Skills this conversation asks for, most specific first, comma-separated. */
    @Column(name = "skills_wanted")
    public String skillsWanted;
    /** Whether any agent of the centre may take it (it waited too long in its skill queue). */
    public boolean widened;
    @Column(name = "assigned_agent")
    public String assignedAgent;
    @Column(name = "queued_at")
    public Instant queuedAt;
    /** When the next response is due. */
    @Column(name = "sla_due_at")
    public Instant slaDueAt;
    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;
    @Column(name = "escalation_level")
    public int escalationLevel;
    /** When it was last escalated for an SLA breach. */
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    /** When a hand-off to {@link #centre} lapses; null when the conversation is in its home centre. */
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;
    @Column(name = "last_message_at")
    public Instant lastMessageAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;

    /** The wanted skills as a list. */
    public List<String> skills() {
        return skillsWanted == null || skillsWanted.isBlank() ? List.of() : Arrays.asList(skillsWanted.split(","));
    }

    /** Whether it is handed off to a centre other than its home centre. */
    public boolean handedOff() {
        return centre != null && homeCentre != null && !centre.equals(homeCentre);
    }
}
