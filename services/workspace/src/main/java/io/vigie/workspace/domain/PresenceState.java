package io.vigie.workspace.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agent's last declared presence (online, away, offline), languages, skills and capacity. */
@Entity
@Table(name = "agent_presence")
public class PresenceState {

    @Id
    @Column(name = "agent_id")
    public String agentId;
    public String centre;
    public String status;
    /** Comma-separated ISO 639-1 codes. */
    public String languages;
    /** Comma-separated skills. */
    public String skills;
    public int capacity;
    public Instant at;
}
