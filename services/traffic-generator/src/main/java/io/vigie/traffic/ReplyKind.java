package io.vigie.traffic;

/** The kinds of messages that follow a conversation start, each read from a {@code reply.*} template section. */
enum ReplyKind {
    /** Another customer with the same problem. */
    METOO("reply.metoo"),
    /** A fix suggested by another customer, often a community expert. */
    TIP("reply.tip"),
    /** An answer to a purchase question. */
    ANSWER("reply.answer"),
    /** The original author adds details. */
    DETAIL("reply.detail"),
    /** The original author says it is solved. */
    THANKS("reply.thanks"),
    /** The original author says it is still not solved. */
    STILL("reply.still"),
    /** Someone agrees with praise or a suggestion. */
    AGREE("reply.agree");

    private final String section;

    ReplyKind(String section) {
        this.section = section;
    }

    String section() {
        return section;
    }

    /** Whether the original author writes this kind of message. */
    boolean byAsker() {
        return this == DETAIL || this == THANKS || this == STILL;
    }
}
