package io.vigie.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripted agents, one per centre, working through the workspace API with real tokens: they go online, claim
 * what waits in their centre's queue, and answer every customer post once, publicly, in its language (but leave one
 * conversation in five unanswered, so that open conversations and their SLA clocks are there to be checked). After an
 * answer that got lost (service down, timeout) they look at the conversation before answering again, as a person
 * would, so that a reply they already sent is never typed twice.
 */
public final class Agents implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> REPLIES = Map.of(
            "en", "Thanks for telling us, we are looking into it for you right now. Reference %s.",
            "fr", "Merci de nous l'avoir signalé, nous regardons cela pour vous tout de suite. Référence %s.",
            "de", "Danke für den Hinweis, wir kümmern uns sofort darum. Referenz %s.",
            "es", "Gracias por avisarnos, lo estamos revisando ahora mismo. Referencia %s.",
            "pt", "Obrigado por nos avisar, estamos verificando isso agora mesmo. Referência %s.");

    /** One reply an agent sent: the text (unique), the conversation, the reply id the workspace gave it. */
    public record SentReply(String text, String conversationId, String replyId) {
    }

    private final Vigie vigie;
    private final List<String> agents;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, SentReply> sent = new ConcurrentHashMap<>();
    /** conversation id + message count already answered: one reply per customer post. */
    private final Set<String> answered = ConcurrentHashMap.newKeySet();
    /** replies whose answer was lost: text → conversation, to look for before answering again */
    private final Map<String, String> uncertain = new ConcurrentHashMap<>();
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger lostAnswers = new AtomicInteger();

    public Agents(Vigie vigie, List<String> agents) {
        this.vigie = vigie;
        this.agents = agents;
    }

    /** Stops after the current pass. */
    public void stop() {
        running.set(false);
    }

    /** Replies the workspace accepted (202), by text. */
    public Map<String, SentReply> sent() {
        return Map.copyOf(sent);
    }

    /** Replies the policy or the API refused with a 4xx (not sent, correctly). */
    public int refused() {
        return refused.get();
    }

    /** Replies whose answer never came back (the workspace was down or timed out). */
    public int lostAnswers() {
        return lostAnswers.get();
    }

    /** Replies still uncertain (answer lost and not yet found in the conversation). */
    public int uncertain() {
        return uncertain.size();
    }

    @Override
    public void run() {
        while (running.get()) {
            for (String agent : agents) {
                if (!running.get()) {
                    return;
                }
                try {
                    pass(agent);
                } catch (RuntimeException e) {
                    // the workspace is down or answered nonsense: next pass
                }
            }
            pause(1000);
        }
    }

    private void pass(String agent) {
        vigie.call("workspace", "PUT", "/api/presence", agent, "application/json",
                "{\"status\":\"online\",\"languages\":[\"en\",\"fr\",\"de\",\"es\",\"pt\"],\"skills\":[],\"capacity\":200}");
        resolveUncertain(agent);
        Vigie.Answer list = vigie.call("workspace", "GET", "/api/conversations?limit=200", agent, null, null);
        if (!list.ok()) {
            return;
        }
        for (JsonNode c : read(list.body())) {
            String id = c.path("id").asText();
            String state = c.path("state").asText();
            if (!c.path("actionable").asBoolean() || !(state.equals("queued") || state.equals("assigned") || state.equals("new"))) {
                continue;
            }
            if (leftOpen(id)) {
                continue;
            }
            String turn = id + "#" + c.path("messageCount").asInt();
            if (answered.contains(turn) || uncertain.containsValue(id)) {
                continue;
            }
            String assignee = c.path("assignee").asText("");
            if (!assignee.isEmpty() && !assignee.equals(agent)) {
                continue;
            }
            if (assignee.isEmpty()) {
                Vigie.Answer claim = vigie.call("workspace", "POST", "/api/conversations/" + enc(id) + "/claim", agent, null, null);
                if (!claim.ok()) {
                    continue;
                }
            }
            String lang = c.path("language").asText("en");
            String text = String.format(REPLIES.getOrDefault(lang, REPLIES.get("en")), code(counter.incrementAndGet()));
            Vigie.Answer reply = vigie.call("workspace", "POST", "/api/conversations/" + enc(id) + "/replies", agent,
                    "application/json", "{\"text\":" + quote(text) + "}");
            if (reply.ok()) {
                sent.put(text, new SentReply(text, id, read(reply.body()).path("mentionKey").asText()));
                answered.add(turn);
            } else if (reply.status() == -1 || reply.status() >= 500) {
                lostAnswers.incrementAndGet();
                uncertain.put(text, id);
            } else {
                refused.incrementAndGet();
                answered.add(turn);
            }
        }
    }

    /** Looks in each conversation whose reply answer was lost for that reply; found → sent, absent → may answer again. */
    private void resolveUncertain(String agent) {
        for (Map.Entry<String, String> e : Map.copyOf(uncertain).entrySet()) {
            Vigie.Answer detail = vigie.call("workspace", "GET", "/api/conversations/" + enc(e.getValue()), agent, null, null);
            if (detail.status() == 404 || detail.status() == 403) {
                continue;
            }
            if (!detail.ok()) {
                continue;
            }
            for (JsonNode m : read(detail.body()).path("messages")) {
                if (e.getKey().equals(m.path("text").asText())) {
                    sent.put(e.getKey(), new SentReply(e.getKey(), e.getValue(), m.path("mentionKey").asText()));
                    answered.add(e.getValue() + "#" + read(detail.body()).path("conversation").path("messageCount").asInt());
                }
            }
            uncertain.remove(e.getKey());
        }
    }

    /** One conversation in five is left unanswered, so that open conversations and their SLA clocks live through the faults. */
    static boolean leftOpen(String conversationId) {
        return Math.floorMod(conversationId.hashCode(), 5) == 0;
    }

    /** A reference made of letters only, so that the policy's phone-number rule never sees digits. */
    static String code(int n) {
        StringBuilder b = new StringBuilder();
        int v = n + 26 * 26;
        while (v > 0) {
            b.append((char) ('a' + v % 26));
            v /= 26;
        }
        return b.reverse().toString().toUpperCase();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
