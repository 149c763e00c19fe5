package io.vigie.scoring.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-language term rules (topics, segment, urgency signals) read from {@code scoring/rules.tsv}. A term is a word
 * or phrase matched on word boundaries; a trailing {@code *} matches any word that starts with it. English rules
 * apply to every post too (English terms are common in posts in other languages).
 */
public final class RuleSet {

    /** One id (e.g. a topic) and its terms in one language. */
    record Rule(String id, String[] phrases, String[] prefixes) {
    }

    /** kind -> language -> rules in file order. */
    private final Map<String, Map<String, List<Rule>>> rules;

    private RuleSet(Map<String, Map<String, List<Rule>>> rules) {
        this.rules = rules;
    }

    /** The rules shipped with the service. */
    public static RuleSet builtIn() {
        try (InputStream in = RuleSet.class.getResourceAsStream("/scoring/rules.tsv")) {
            if (in == null) {
                throw new IllegalStateException("scoring/rules.tsv is missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads rules from a TSV with the columns kind, id, lang, terms (comma-separated). */
    public static RuleSet read(InputStream source) throws IOException {
        Map<String, Map<String, Map<String, List<String>>>> raw = new LinkedHashMap<>();
        BufferedReader in = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8));
        String line = in.readLine();
        while ((line = in.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalArgumentException("rules: expected kind, id, lang, terms in: " + line);
            }
            List<String> terms = raw.computeIfAbsent(f[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent(f[2], k -> new LinkedHashMap<>())
                    .computeIfAbsent(f[1], k -> new ArrayList<>());
            for (String t : f[3].split(",")) {
                if (!t.isBlank()) {
                    terms.add(t.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        Map<String, Map<String, List<Rule>>> rules = new LinkedHashMap<>();
        raw.forEach((kind, byLang) -> byLang.forEach((lang, byId) -> byId.forEach((id, terms) -> rules
                .computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .computeIfAbsent(lang, k -> new ArrayList<>())
                .add(rule(id, terms)))));
        return new RuleSet(rules);
    }

    /** A rule from terms: phrases match whole words, {@code stem*} matches words starting with stem. */
    static Rule rule(String id, List<String> terms) {
        List<String> phrases = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String t : terms) {
            if (t.endsWith("*")) {
                prefixes.add(" " + t.substring(0, t.length() - 1));
            } else {
                phrases.add(" " + t + " ");
            }
        }
        return new Rule(id, phrases.toArray(String[]::new), prefixes.toArray(String[]::new));
    }

    /** Text prepared for matching: lowercased words separated by single spaces, with a space at both ends. */
    public static String prepare(String text) {
        String s = TextNormalizer.clean(text).toLowerCase(Locale.ROOT).replace('’', '\'');
        StringBuilder out = new StringBuilder(s.length() + 2).append(' ');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\'' || c == '-' && i > 0 && Character.isLetter(s.charAt(i - 1))) {
                out.append(c);
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return out.toString();
    }

    /** Ids of {@code kind} whose terms, in {@code lang} or English, occur in the prepared text; in file order. */
    public List<String> match(String kind, String lang, String prepared) {
        Map<String, List<Rule>> byLang = rules.getOrDefault(kind, Map.of());
        List<String> out = new ArrayList<>(2);
        collect(byLang.get(lang), prepared, out);
        if (!"en".equals(lang)) {
            collect(byLang.get("en"), prepared, out);
        }
        return out;
    }

    /** Matches free rules (e.g. a deployment's product lines) against a prepared text; first match wins. */
    public static String firstMatch(List<Rule> rules, String prepared) {
        for (Rule r : rules) {
            if (matches(r, prepared)) {
                return r.id();
            }
        }
        return null;
    }

    private static void collect(List<Rule> rules, String prepared, List<String> out) {
        if (rules == null) {
            return;
        }
        for (Rule r : rules) {
            if (!out.contains(r.id()) && matches(r, prepared)) {
                out.add(r.id());
            }
        }
    }

    private static boolean matches(Rule r, String prepared) {
        for (String p : r.phrases()) {
            if (prepared.contains(p)) {
                return true;
            }
        }
        for (String p : r.prefixes()) {
            if (prepared.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
