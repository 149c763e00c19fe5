package io.vigie.routing.domain;

/** The states of a conversation, as stored (lower case). */
public enum ConversationState {
    NEW, QUEUED, ASSIGNED, WAITING_CUSTOMER, RESOLVED, CLOSED;

    /** The stored form. */
    public String id() {
        return name().toLowerCase();
    }
}
