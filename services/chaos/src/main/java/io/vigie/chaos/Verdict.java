package io.vigie.chaos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** The checks of a chaos run over its {@link Observations}: each with its figures and the first offending keys. */
public final class Verdict {

    /** One check: name, whether it held, its figures, examples of what broke it. */
    public record Check(String name, boolean passed, Map<String, Long> figures, List<String> offenders) {
    }

    private Verdict() {
    }

    /** Every check, in the order they are printed. */
    public static List<Check> of(Observations o) {
        return List.of(nothingLost(o), poisonDeadLettered(o), noConversationDuplicated(o), noReplyTwice(o),
                everyReplyFinal(o), noSlaClockLost(o), noSecretInLogs(o));
    }

    /** Every accepted mention is in a conversation or in a dead-letter topic with its reason. */
    static Check nothingLost(Observations o) {
        Set<String> accepted = new TreeSet<>(o.accepted());
        accepted.removeAll(o.poison());
        long inConversation = 0;
        long dead = 0;
        List<String> lost = new ArrayList<>();
        for (String key : accepted) {
            if (o.threaded().containsKey(key)) {
                inConversation++;
            } else if (!blank(o.deadLetters().get(key))) {
                dead++;
            } else {
                lost.add(key);
            }
        }
        List<String> neverAccepted = new ArrayList<>();
        for (String key : o.sentValid().keySet()) {
            if (!o.accepted().contains(key)) {
                neverAccepted.add(key + " (sent, refused or never stored)");
            }
        }
        lost.addAll(neverAccepted);
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("accepted", (long) accepted.size());
        f.put("in a conversation", inConversation);
        f.put("dead-lettered with a reason", dead);
        f.put("valid posts not accepted", (long) neverAccepted.size());
        f.put("lost", (long) lost.size() - neverAccepted.size());
        return new Check("every accepted mention is in a conversation or a dead-letter topic", lost.isEmpty(), f, first(lost));
    }

    /** Records that are not mentions, put on mentions.raw directly, are dead-lettered with a reason, never threaded. */
    static Check poisonDeadLettered(Observations o) {
        List<String> bad = new ArrayList<>();
        for (String key : o.poison()) {
            if (blank(o.deadLetters().get(key)) || o.threaded().containsKey(key)) {
                bad.add(key);
            }
        }
        return new Check("every poison record is dead-lettered with its reason", bad.isEmpty(),
                Map.of("poison records", (long) o.poison().size(), "not dead-lettered", (long) bad.size()), first(bad));
    }

    /** One conversation per thread, in routing and in the workspace; no message in two conversations. */
    static Check noConversationDuplicated(Observations o) {
        List<String> bad = new ArrayList<>();
        Set<String> threads = new TreeSet<>();
        for (Map.Entry<String, String> e : o.threaded().entrySet()) {
            String thread = o.sentValid().get(e.getKey());
            if (thread != null && !thread.equals(e.getValue())) {
                bad.add(e.getKey() + " threaded into " + e.getValue() + ", not " + thread);
            }
            threads.add(e.getValue());
        }
        Set<String> routed = new TreeSet<>();
        for (Observations.RoutedConversation c : o.conversations()) {
            if (!routed.add(c.id())) {
                bad.add("routing conversation " + c.id() + " twice");
            }
        }
        Set<String> workspaceConversations = new TreeSet<>(o.workspaceInbound().values());
        for (Map.Entry<String, String> e : o.workspaceInbound().entrySet()) {
            String routing = o.threaded().get(e.getKey());
            if (routing != null && !routing.equals(e.getValue())) {
                bad.add(e.getKey() + " is in workspace conversation " + e.getValue() + " but routing's " + routing);
            }
        }
        Set<String> withCentre = new TreeSet<>();
        o.conversations().stream().filter(c -> c.centre() != null).forEach(c -> withCentre.add(c.id()));
        for (Map.Entry<String, String> e : o.threaded().entrySet()) {
            String key = e.getKey();
            if (withCentre.contains(e.getValue()) && !o.workspaceInbound().containsKey(key)) {
                bad.add(key + " threaded by routing but not in the workspace");
            }
        }
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("threads", (long) threads.size());
        f.put("routing conversations", (long) routed.size());
        f.put("workspace conversations", (long) workspaceConversations.size());
        f.put("workspace messages", (long) o.workspaceInbound().size());
        return new Check("no conversation duplicated (one per thread, same in routing and workspace)", bad.isEmpty(), f, first(bad));
    }

    /** The networks received every reply text at most once, and only texts the agents sent. */
    static Check noReplyTwice(Observations o) {
        List<String> bad = new ArrayList<>();
        long once = 0;
        for (Map.Entry<String, Integer> e : o.networkReceived().entrySet()) {
            if (e.getValue() > 1) {
                bad.add("received " + e.getValue() + " times: " + e.getKey());
            } else {
                once++;
            }
            if (!o.replies().containsKey(e.getKey())) {
                bad.add("received but never accepted by the workspace: " + e.getKey());
            }
        }
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("replies accepted by the workspace", (long) o.replies().size());
        f.put("posted to the networks once", once);
        f.put("posted twice or more", o.networkReceived().values().stream().filter(v -> v > 1).count());
        return new Check("no reply posted twice to the networks", bad.isEmpty(), f, first(bad));
    }

    /** Every accepted reply ends delivered (and the network has it) or reported failed with its reason. */
    static Check everyReplyFinal(Observations o) {
        List<String> bad = new ArrayList<>();
        long delivered = 0;
        long failed = 0;
        for (Agents.SentReply r : o.replies().values()) {
            Observations.Delivery d = o.replyStatus().get(r.replyId());
            if (d == null) {
                bad.add("no status for reply " + r.replyId());
            } else if ("delivered".equals(d.status())) {
                delivered++;
                if (o.networkReceived().getOrDefault(r.text(), 0) != 1) {
                    bad.add("delivered but the network has it " + o.networkReceived().getOrDefault(r.text(), 0) + " times: " + r.replyId());
                }
            } else if ("failed".equals(d.status()) && !blank(d.reason())) {
                failed++;
            } else {
                bad.add(r.replyId() + " is " + d.status());
            }
        }
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("delivered", delivered);
        f.put("reported failed with a reason", failed);
        f.put("neither", (long) bad.size());
        return new Check("every reply delivered once or reported failed", bad.isEmpty(), f, first(bad));
    }

    /** Every open actionable conversation has its SLA due time, in routing and in the agents' view. */
    static Check noSlaClockLost(Observations o) {
        List<String> bad = new ArrayList<>();
        long open = 0;
        for (Observations.RoutedConversation c : o.conversations()) {
            if (!c.actionable() || !(c.state().equals("queued") || c.state().equals("assigned"))) {
                continue;
            }
            open++;
            if (c.slaDueAt() == null) {
                bad.add(c.id() + " (" + c.state() + ") has no SLA due time in routing");
                continue;
            }
            Instant ws = o.workspaceSla().get(c.id());
            if (!o.workspaceSla().containsKey(c.id()) || !sameInstant(ws, c.slaDueAt())) {
                bad.add(c.id() + ": routing due " + c.slaDueAt() + ", workspace " + ws);
            }
        }
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("open actionable conversations", open);
        f.put("with a due time in routing and the same in the workspace", open - bad.size());
        return new Check("no SLA clock lost", bad.isEmpty(), f, first(bad));
    }

    /** No secret value of the run appears in a log. */
    static Check noSecretInLogs(Observations o) {
        return new Check("no secret in the services' logs", o.secretsInLogs().isEmpty(),
                Map.of("log files with a secret", (long) o.secretsInLogs().size()), first(o.secretsInLogs()));
    }

    private static boolean sameInstant(Instant a, Instant b) {
        return Objects.equals(a, b) || a != null && b != null && Math.abs(a.toEpochMilli() - b.toEpochMilli()) < 1;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> first(List<String> items) {
        return items.size() > 10 ? List.copyOf(items.subList(0, 10)) : List.copyOf(items);
    }
}
