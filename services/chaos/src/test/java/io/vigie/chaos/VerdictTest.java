package io.vigie.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The chaos checks pass on a clean run and fail on each kind of damage they exist to catch. */
class VerdictTest {

    private static final Instant DUE = Instant.parse("2026-11-22T10:00:00Z");

    /** A clean run: two threads, three mentions, one reply delivered once, one poison record dead-lettered. */
    private static Observations clean() {
        Map<String, String> sent = Map.of("x:1", "x:1", "x:2", "x:1", "x:3", "x:3");
        return new Observations(sent, Set.of("x:1", "x:2", "x:3", "x:p"),
                new HashMap<>(Map.of("x:1", "x:1", "x:2", "x:1", "x:3", "x:3")),
                new HashMap<>(Map.of("x:p", "not a Mention event: Unrecognized token")), Set.of("x:p"),
                new HashMap<>(Map.of("x:1", "x:1", "x:2", "x:1", "x:3", "x:3")),
                List.of(new Observations.RoutedConversation("x:1", "waiting_customer", true, null, "austin"),
                        new Observations.RoutedConversation("x:3", "queued", true, DUE, "austin")),
                new HashMap<>(Map.of("x:3", DUE)),
                new HashMap<>(Map.of("Thanks BAAC", new Agents.SentReply("Thanks BAAC", "x:1", "reply:1"))),
                new HashMap<>(Map.of("reply:1", new Observations.Delivery("delivered", null))),
                new HashMap<>(Map.of("Thanks BAAC", 1)), List.of());
    }

    private static Set<String> failing(Observations o) {
        Set<String> names = new HashSet<>();
        Verdict.of(o).stream().filter(c -> !c.passed()).forEach(c -> names.add(c.name()));
        return names;
    }

    @Test
    void aCleanRunPasses() {
        assertEquals(Set.of(), failing(clean()));
    }

    @Test
    void aLostMentionFails() {
        Observations o = clean();
        o.threaded().remove("x:3");
        o.workspaceInbound().remove("x:3");
        assertTrue(failing(o).contains(Verdict.nothingLost(o).name()));
        assertEquals(1L, Verdict.nothingLost(o).figures().get("lost"));
    }

    @Test
    void aDeadLetterWithoutReasonCountsAsLost() {
        Observations o = clean();
        o.threaded().remove("x:3");
        o.workspaceInbound().remove("x:3");
        o.deadLetters().put("x:3", "");
        assertFalse(Verdict.nothingLost(o).passed());
        o.deadLetters().put("x:3", "not a ScoredMention: missing mention");
        assertTrue(Verdict.nothingLost(o).passed());
    }

    @Test
    void aThreadSplitInTwoConversationsFails() {
        Observations o = clean();
        o.threaded().put("x:2", "x:2");
        assertFalse(Verdict.noConversationDuplicated(o).passed());
    }

    @Test
    void aWorkspaceThatLostAMessageFails() {
        Observations o = clean();
        o.workspaceInbound().remove("x:2");
        assertFalse(Verdict.noConversationDuplicated(o).passed());
    }

    @Test
    void aReplyPostedTwiceFails() {
        Observations o = clean();
        o.networkReceived().put("Thanks BAAC", 2);
        assertFalse(Verdict.noReplyTwice(o).passed());
        assertFalse(Verdict.everyReplyFinal(o).passed());
    }

    @Test
    void aReplyStillPendingFails() {
        Observations o = clean();
        o.replyStatus().put("reply:1", new Observations.Delivery("pending", null));
        assertFalse(Verdict.everyReplyFinal(o).passed());
        o.replyStatus().put("reply:1", new Observations.Delivery("failed", "outcome unknown, check the thread"));
        o.networkReceived().clear();
        assertTrue(Verdict.everyReplyFinal(o).passed());
    }

    @Test
    void aLostSlaClockFails() {
        Observations o = clean();
        o.workspaceSla().put("x:3", null);
        assertFalse(Verdict.noSlaClockLost(o).passed());
        Observations p = clean();
        Observations withoutDue = new Observations(p.sentValid(), p.accepted(), p.threaded(), p.deadLetters(), p.poison(),
                p.workspaceInbound(), List.of(new Observations.RoutedConversation("x:3", "assigned", true, null, "austin")),
                p.workspaceSla(), p.replies(), p.replyStatus(), p.networkReceived(), p.secretsInLogs());
        assertFalse(Verdict.noSlaClockLost(withoutDue).passed());
    }

    @Test
    void aPoisonRecordThatWasThreadedFails() {
        Observations o = clean();
        o.threaded().put("x:p", "x:p");
        assertFalse(Verdict.poisonDeadLettered(o).passed());
    }

    @Test
    void aSecretInALogFails() {
        Observations p = clean();
        Observations o = new Observations(p.sentValid(), p.accepted(), p.threaded(), p.deadLetters(), p.poison(),
                p.workspaceInbound(), p.conversations(), p.workspaceSla(), p.replies(), p.replyStatus(), p.networkReceived(),
                List.of("service-ingestion.log contains a secret (abc…)"));
        assertFalse(Verdict.noSecretInLogs(o).passed());
    }

    @Test
    void deadLettersAreTracedBackToTheirMention() {
        assertEquals("x:42", Observer.mentionKey("k", "{\"version\":1,\"network\":\"x\",\"nativeId\":\"42\"}"));
        assertEquals("x:42", Observer.mentionKey("k", "{\"mention\":{\"network\":\"x\",\"nativeId\":\"42\"}}"));
        assertEquals("x:42", Observer.mentionKey("k", "{\"scored\":{\"mention\":{\"network\":\"x\",\"nativeId\":\"42\"}}}"));
        assertEquals("k", Observer.mentionKey("k", "not json"));
    }

    @Test
    void agentReferencesHaveNoDigits() {
        for (int i = 0; i < 2000; i++) {
            assertTrue(Agents.code(i).chars().noneMatch(Character::isDigit));
        }
        assertFalse(Agents.code(1).equals(Agents.code(2)));
    }
}
