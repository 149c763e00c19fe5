package io.vigie.events;

import java.time.Instant;
import java.util.List;

/**
 * An agent's presence, published by the workspace on {@link Topics#AGENT_PRESENCE} for routing.
 *
 * @param version    event schema version ({@link #VERSION})
 * @param agentId    the agent's user id
 * @param centre     the agent's centre
 * @param status     online, away or offline
 * @param languages  languages the agent covers
 * @param skills     skills (queues) the agent covers
 * @param capacity   how many conversations the agent can hold at once
 * @param at         when the status changed
 */
public record AgentPresence(
        int version,
        String agentId,
        String centre,
        String status,
        List<String> languages,
        List<String> skills,
        int capacity,
        Instant at) {

    /** Current schema version of this event. */
    public static final int VERSION = 1;

    /** Compact canonical constructor: never a null list. */
    public AgentPresence {
        languages = languages == null ? List.of() : List.copyOf(languages);
        skills = skills == null ? List.of() : List.copyOf(skills);
    }
}
