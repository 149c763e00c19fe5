package io.vigie.events;

/** Kafka topic names shared by every service; a deployment may prefix them (see {@code vigie.topic-prefix}). */
public final class Topics {
    /** Normalised mentions accepted by ingestion; key = conversation key. */
    public static final String MENTIONS_RAW = "mentions.raw";
    /** Mentions with language, sentiment, topic, urgency and influence; key = conversation key. */
    public static final String MENTIONS_SCORED = "mentions.scored";
    /** Spike alerts from the crisis radar; key = incident id. */
    public static final String ALERTS = "alerts";
    /** Routing decisions (centre, queue, priority, reasons); key = conversation id. */
    public static final String CONVERSATIONS_ROUTED = "conversations.routed";
    /** Public replies written by agents, to be posted by ingestion; key = conversation id. */
    public static final String REPLIES_OUTBOUND = "replies.outbound";
    /** Delivery receipts of outbound replies; key = reply id. */
    public static final String DELIVERY_RECEIPTS = "replies.receipts";
    /** Conversations closed in the workspace, with opening and closing sentiment; key = conversation id. */
    public static final String CONVERSATIONS_CLOSED = "conversations.closed";
    /** Agent presence (online / away / offline); key = agent id. */
    public static final String AGENT_PRESENCE = "agents.presence";
    /** Centre configuration, compacted; key = centre id. */
    public static final String CENTRES_CONFIG = "centres.config";
    /** Live centre status (open, agents online, backlog); key = centre id. */
    public static final String CENTRES_STATUS = "centres.status";
    /** Network payloads ingestion parsed but could not normalise into a Mention (header dead-letter-reason); key = network:id. */
    public static final String INGESTION_REJECTED = "ingestion.rejected";

    private Topics() {
    }

    /** Name of the dead-letter topic that receives the records of {@code topic} that could not be processed. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
