package io.vigie.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The deterministic stream of customer posts a chaos run replays: threads on X and Facebook in five languages,
 * each opened by a question or a complaint (so that it is actionable and gets an agent's reply), a third of them
 * followed, in the second half of the stream, by the customer's second post; plus a few lines ingestion must refuse
 * (missing text, bad date).
 */
public final class Traffic {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String[][] OPENERS = {
        {"en", "My Nordlys Aero 14 keeps freezing after the last update, what should I do?",
            "The battery of my Nordlys laptop drains in an hour since yesterday, can you help?",
            "Still waiting for my refund for the broken Nordlys X1 screen, this is unacceptable!"},
        {"fr", "Mon écran Nordlys reste noir après la mise à jour, que faire ?",
            "La batterie de mon portable Nordlys se vide en une heure, pouvez-vous m'aider ?",
            "Toujours pas de remboursement pour mon Nordlys X1 cassé, c'est inadmissible !"},
        {"de", "Mein Nordlys Aero 14 friert nach dem letzten Update ständig ein, was kann ich tun?",
            "Der Akku meines Nordlys Laptops ist seit gestern nach einer Stunde leer, könnt ihr helfen?",
            "Ich warte immer noch auf die Erstattung für mein kaputtes Nordlys X1, das ist inakzeptabel!"},
        {"es", "Mi Nordlys Aero 14 se congela después de la última actualización, ¿qué hago?",
            "La batería de mi portátil Nordlys se agota en una hora desde ayer, ¿me pueden ayudar?",
            "Sigo esperando el reembolso de mi Nordlys X1 roto, ¡es inaceptable!"},
        {"pt", "O meu Nordlys Aero 14 trava depois da última atualização, o que devo fazer?",
            "A bateria do meu portátil Nordlys acaba em uma hora desde ontem, podem ajudar?",
            "Ainda estou esperando o reembolso do meu Nordlys X1 quebrado, isso é inaceitável!"},
    };

    private static final String[][] FOLLOW_UPS = {
        {"en", "Any news? It happened again this morning, still not fixed."},
        {"fr", "Des nouvelles ? C'est encore arrivé ce matin, toujours pas réglé."},
        {"de", "Gibt es Neuigkeiten? Es ist heute Morgen wieder passiert, immer noch nicht behoben."},
        {"es", "¿Alguna novedad? Volvió a pasar esta mañana, sigue sin arreglarse."},
        {"pt", "Alguma novidade? Aconteceu de novo esta manhã, ainda não foi resolvido."},
    };

    private static final String[] MODELS = {"Aero 14", "Aero 16", "X1", "X1 Pro", "Forge 17", "Slate 11", "Dock S"};
    private static final java.util.Map<String, String> X_SPACES = java.util.Map.of("en", "x:@NordlysCare",
            "fr", "x:@NordlysCare_FR", "de", "x:@NordlysCare_DE", "es", "x:@NordlysCare_ES", "pt", "x:@NordlysCare_BR");
    private static final java.util.Map<String, String> FACEBOOK_SPACES = java.util.Map.of("en", "facebook:nordlys",
            "fr", "facebook:nordlys.fr", "de", "facebook:nordlys.de", "es", "facebook:nordlys.es", "pt", "facebook:nordlys.br");

    /** A reference made of letters, different for every thread. */
    static String reference(long seed, int i) {
        StringBuilder b = new StringBuilder("ref ");
        long v = seed * 7919 + i + 26L * 26 * 26;
        while (v > 0) {
            b.append((char) ('a' + v % 26));
            v /= 26;
        }
        return b.toString();
    }

    /** One line of the replay stream, and whether ingestion must accept it. */
    public record Line(String json, String key, String conversationKey, boolean valid) {
    }

    private Traffic() {
    }

    /** The whole stream, in the order it is sent. */
    public static List<Line> generate(long seed, int threads, String runId) {
        Random random = new Random(seed);
        List<Line> out = new ArrayList<>();
        Instant t0 = Instant.parse("2026-11-22T08:00:00Z");
        // follow-ups come in the second half of the stream, mostly after an agent answered: they reopen conversations
        List<Line> followUps = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String[] lang = OPENERS[random.nextInt(OPENERS.length)];
            String network = random.nextInt(3) == 0 ? "facebook" : "x";
            String root = network.equals("x") ? String.valueOf(7_000_000_000_000L + seed * 100_000 + i) + runId
                    : "1500" + runId + "_" + (20_000 + i);
            Instant at = t0.plusSeconds(i * 37L);
            // a detail of its own in every post (a model and a reference), or the spam detector would flag the repeats
            String detail = " " + MODELS[random.nextInt(MODELS.length)] + " " + reference(seed, i);
            out.add(post(network, root, root, null, lang[0], lang[1 + random.nextInt(3)] + detail, "u" + i, at));
            if (random.nextInt(3) == 0) {
                String id = network.equals("x") ? root + "1" : root + "9";
                String text = FOLLOW_UPS[indexOf(lang[0])][1] + detail;
                followUps.add(post(network, id, root, root, lang[0], text, "u" + i, at.plusSeconds(600)));
            }
            if (i % 50 == 7) {
                out.add(new Line("{\"network\":\"x\",\"id\":\"bad-" + runId + "-" + i + "\",\"createdAt\":\"2026-11-22T08:00:00Z\"}",
                        "x:bad-" + runId + "-" + i, null, false));
            }
            if (i % 50 == 31) {
                out.add(new Line("{\"network\":\"x\",\"id\":\"bad-date-" + runId + "-" + i + "\",\"text\":\"hello?\","
                        + "\"createdAt\":\"yesterday\"}", "x:bad-date-" + runId + "-" + i, null, false));
            }
        }
        out.addAll(followUps);
        return out;
    }

    private static int indexOf(String lang) {
        for (int i = 0; i < FOLLOW_UPS.length; i++) {
            if (FOLLOW_UPS[i][0].equals(lang)) {
                return i;
            }
        }
        return 0;
    }

    private static Line post(String network, String id, String thread, String inReplyTo, String lang, String text,
            String author, Instant at) {
        ObjectNode n = JSON.createObjectNode();
        n.put("network", network).put("id", id).put("threadId", thread);
        if (inReplyTo != null) {
            n.put("inReplyTo", inReplyTo);
        }
        // a space of a centre that covers the language (spaces carry their owner's residency zone)
        n.put("space", (network.equals("x") ? X_SPACES : FACEBOOK_SPACES).get(lang));
        n.putObject("author").put("id", author).put("handle", "@" + author).put("followers", 100).put("verified", false);
        n.put("text", text).put("lang", lang).put("createdAt", at.toString());
        return new Line(n.toString(), network + ":" + id, network + ":" + thread, true);
    }
}
