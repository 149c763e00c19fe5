package io.vigie.routing.service;

import io.vigie.events.Alert;
import io.vigie.events.ScoredMention;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The crisis radar's incidents that are still active (not resolved, not closed), followed from the alerts topic: a
 * new message that matches one of them (its watchlist, or its term or hashtag, or one of the watchlists and terms
 * that surged with it) asks for the crisis skill.
 */
@ApplicationScoped
public class IncidentWatch {

    /** Why a message belongs to an incident. */
    public record Match(String incidentId, String reason) {
    }

    private record Active(Alert alert, Set<String> watchlists, Set<String> terms) {
    }

    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final Map<String, Integer> revisions = new ConcurrentHashMap<>();

    /** Applies one alert (the highest revision of an incident wins). */
    public void apply(Alert a) {
        Integer known = revisions.get(a.incidentId());
        if (known != null && known >= a.revision()) {
            return;
        }
        revisions.put(a.incidentId(), a.revision());
        if (!a.active()) {
            active.remove(a.incidentId());
            return;
        }
        Set<String> watchlists = new HashSet<>();
        Set<String> terms = new HashSet<>();
        add(a.subjectKind(), a.subject(), watchlists, terms);
        for (String r : a.related()) {
            int colon = r.indexOf(':');
            if (colon > 0) {
                add(r.substring(0, colon), r.substring(colon + 1), watchlists, terms);
            }
        }
        if (watchlists.isEmpty() && terms.isEmpty()) {
            // a topic or a scope only: too broad to send every message of it to the crisis cell
            active.remove(a.incidentId());
            return;
        }
        active.put(a.incidentId(), new Active(a, watchlists, terms));
    }

    private static void add(String kind, String subject, Set<String> watchlists, Set<String> terms) {
        if ("watchlist".equals(kind)) {
            watchlists.add(subject);
        } else if ("term".equals(kind)) {
            terms.add(fold(subject));
        }
    }

    /** The active incident this message belongs to, if any (the most severe one). */
    public Optional<Match> match(ScoredMention s) {
        if (active.isEmpty() || s.mention() == null) {
            return Optional.empty();
        }
        Set<String> words = null;
        Active best = null;
        String bestWhy = null;
        for (Active i : active.values()) {
            String why = null;
            for (String w : s.mention().watchlists()) {
                if (i.watchlists().contains(w)) {
                    why = "watchlist " + w;
                    break;
                }
            }
            if (why == null && !i.terms().isEmpty()) {
                if (words == null) {
                    words = words(s.mention().text());
                }
                for (String t : i.terms()) {
                    if (words.contains(t)) {
                        why = "term " + t;
                        break;
                    }
                }
            }
            if (why != null && (best == null || rank(i.alert().severity()) > rank(best.alert().severity()))) {
                best = i;
                bestWhy = why;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Alert a = best.alert();
        return Optional.of(new Match(a.incidentId(), "incident " + a.incidentId() + " (" + a.subjectKind() + " "
                + a.subject() + ", " + a.severity() + "): " + bestWhy + " → crisis skill"));
    }

    /** Incidents followed now. */
    public int size() {
        return active.size();
    }

    private static int rank(String severity) {
        return switch (severity == null ? "" : severity) {
            case "critical" -> 3;
            case "high" -> 2;
            case "medium" -> 1;
            default -> 0;
        };
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** Words and hashtags of a text, folded like the radar's terms. */
    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        if (text == null) {
            return out;
        }
        String t = fold(text);
        int n = t.length();
        int i = 0;
        while (i < n) {
            char c = t.charAt(i);
            boolean hashtag = c == '#';
            if (!hashtag && !Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = hashtag ? i + 1 : i;
            int j = start;
            while (j < n && (Character.isLetterOrDigit(t.charAt(j)) || t.charAt(j) == '_')) {
                j++;
            }
            if (j > start) {
                out.add((hashtag ? "#" : "") + t.substring(start, j));
            }
            i = Math.max(j, i + 1);
        }
        return out;
    }
}
