package io.vigie.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An agent as routing knows them from agents.presence: centre, status, languages, skills and capacity. */
@Entity
@Table(name = "agent")
public class Agent {

    /** Status of an agent who takes new conversations. */
    public static final String ONLINE = "online";
    /** Status of an agent who keeps their conversations but takes no new one. */
    public static final String AWAY = "away";
    /** Status of an agent whose conversations go back to the queue. */
    public static final String OFFLINE = "offline";

    @Id
    public String id;
    public String centre;
    public String status;
    /** Comma-separated ISO 639-1 codes; empty means any language. */
    public String languages;
    /** Comma-separated skills. */
    public String skills;
    public int capacity;
    @Column(name = "status_at")
    public Instant statusAt;
    /** Since when the agent has had no new conversation (came online or last assignment). */
    @Column(name = "idle_since")
    public Instant idleSince;

    /** Languages as a list. */
    public List<String> languageList() {
        return languages == null || languages.isBlank() ? List.of() : Arrays.asList(languages.split(","));
    }

    /** Skills as a list. */
    public List<String> skillList() {
        return skills == null || skills.isBlank() ? List.of() : Arrays.asList(skills.split(","));
    }
}
