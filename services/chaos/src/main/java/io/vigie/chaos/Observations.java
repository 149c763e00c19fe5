package io.vigie.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a chaos run saw at its end, read from the services' own databases, the dead-letter topics and the fake
 * networks; {@link Verdict} checks it.
 *
 * @param sentValid        keys of the valid posts the traffic sent, with their conversation (thread) key
 * @param accepted         keys ingestion stored (its ledger: accepted, whatever happened to the HTTP answer)
 * @param threaded         mention key → routing conversation id (routing's {@code conversation_message})
 * @param deadLetters      mention key → reason, from every dead-letter topic
 * @param poison           keys of the poison records put on mentions.raw directly
 * @param workspaceInbound mention key → workspace conversation id (customer messages of the read model; a
 *                         conversation no centre may take yet is not there: the workspace shows centres' work)
 * @param conversations    routing's conversations
 * @param workspaceSla     workspace conversation id → its SLA due time (null when none)
 * @param replies          the replies the agents got a 202 for, by text
 * @param replyStatus      reply id → workspace delivery status and reason
 * @param networkReceived  reply text → how many times the fake networks received it
 * @param secretsInLogs    log files that contain a secret value
 */
public record Observations(Map<String, String> sentValid, Set<String> accepted, Map<String, String> threaded,
        Map<String, String> deadLetters, Set<String> poison, Map<String, String> workspaceInbound,
        List<RoutedConversation> conversations, Map<String, Instant> workspaceSla, Map<String, Agents.SentReply> replies,
        Map<String, Delivery> replyStatus, Map<String, Integer> networkReceived, List<String> secretsInLogs) {

    /** One conversation as routing holds it. */
    public record RoutedConversation(String id, String state, boolean actionable, Instant slaDueAt, String centre) {
    }

    /** A reply's delivery status in the workspace (pending, delivered, failed) and its reason. */
    public record Delivery(String status, String reason) {
    }
}
