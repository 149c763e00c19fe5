package io.vigie.routing.service;

import io.vigie.events.Alert;
import io.vigie.events.ScoredMention;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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

    /** What {@link #match} reads: the active incidents by watchlist and by folded term, rebuilt at each alert. */
    private record Index(Map<String, List<Active>> byWatchlist, Map<String, List<Active>> byTerm) {
        static final Index EMPTY = new Index(Map.of(), Map.of());

        boolean isEmpty() {
            return byWatchlist.isEmpty() && byTerm.isEmpty();
        }
    }

    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final Map<String, Integer> revisions = new ConcurrentHashMap<>();
    private volatile Index index = Index.EMPTY;

    /** Applies one alert (the highest revision of an incident wins). */
    public synchronized void apply(Alert a) {
        Integer known = revisions.get(a.incidentId());
        if (known != null && known >= a.revision()) {
            return;
        }
        revisions.put(a.incidentId(), a.revision());
        if (!a.active()) {
            active.remove(a.incidentId());
        } else {
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
            } else {
                active.put(a.incidentId(), new Active(a, watchlists, terms));
            }
        }
        index = index(active.values());
    }

    private static Index index(Collection<Active> incidents) {
        Map<String, List<Active>> byWatchlist = new HashMap<>();
        Map<String, List<Active>> byTerm = new HashMap<>();
        for (Active i : incidents) {
            i.watchlists().forEach(w -> byWatchlist.computeIfAbsent(w, k -> new ArrayList<>()).add(i));
            i.terms().forEach(t -> byTerm.computeIfAbsent(t, k -> new ArrayList<>()).add(i));
        }
        return new Index(byWatchlist, byTerm);
    }

    /** Whether {@code i} is more severe than {@code best} (none yet: any is). */
    private static boolean moreSevere(Active i, Active best) {
        return best == null || rank(i.alert().severity()) > rank(best.alert().severity());
    }

    private static void add(String kind, String subject, Set<String> watchlists, Set<String> terms) {
        if ("watchlist".equals(kind)) {
            watchlists.add(subject);
        } else if ("term".equals(kind)) {
            terms.add(fold(subject));
        }
    }

    /**
     * The active incident this message belongs to, if any: the most severe one; among equally severe ones, the first
     * found by the message's watchlists, then by its words in the order of the text. The message's words are looked
     * up in the incidents' terms (not every incident's terms in the message: hundreds of incidents may be open when
     * a surge of traffic makes many terms rise together).
     */
    public Optional<Match> match(ScoredMention s) {
        Index ix = index;
        if (ix.isEmpty() || s.mention() == null) {
            return Optional.empty();
        }
        Active best = null;
        String bestWhy = null;
        for (String w : s.mention().watchlists()) {
            for (Active i : ix.byWatchlist().getOrDefault(w, List.of())) {
                if (moreSevere(i, best)) {
                    best = i;
                    bestWhy = "watchlist " + w;
                }
            }
        }
        if (!ix.byTerm().isEmpty()) {
            for (String word : words(s.mention().text())) {
                for (Active i : ix.byTerm().getOrDefault(word, List.of())) {
                    if (moreSevere(i, best)) {
                        best = i;
                        bestWhy = "term " + word;
                    }
                }
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

    /** Lower case without accents (combining marks), like the radar's terms; ASCII text only lower-cased. */
    static String fold(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return s.toLowerCase(Locale.ROOT);
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Words and hashtags of a text, folded like the radar's terms, in the order of the text. */
    static Set<String> words(String text) {
        Set<String> out = new LinkedHashSet<>();
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
