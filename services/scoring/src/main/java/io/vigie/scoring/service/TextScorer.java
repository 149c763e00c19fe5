package io.vigie.scoring.service;

import io.vigie.events.Sentiment;
import io.vigie.scoring.domain.TextScore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores a text: language, sentiment, topics, product line, segment and urgency signals. Stateless and thread-safe;
 * the service, the REST API and the command line all use this class.
 */
public final class TextScorer {

    /** Topic order: the first found is the primary topic. */
    static final List<String> TOPIC_PRIORITY = List.of("security_incident", "billing_delivery", "technical_support",
            "configuration", "purchase", "complaint", "suggestion", "praise");
    /** Topic id when no rule matches. */
    public static final String OTHER = "other";

    private final LanguageIdentifier languages;
    private final SentimentModel sentiment;
    private final RuleSet rules;
    private final List<RuleSet.Rule> productLines;

    public TextScorer(LanguageIdentifier languages, SentimentModel sentiment, RuleSet rules,
            Map<String, List<String>> productLines) {
        this.languages = languages;
        this.sentiment = sentiment;
        this.rules = rules;
        this.productLines = new ArrayList<>();
        productLines.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> this.productLines.add(RuleSet.rule(e.getKey(),
                        e.getValue().stream().map(TextScorer::productTerm).toList())));
    }

    /** A single product word also matches its inflections (laptop: laptops); phrases match as written. */
    static String productTerm(String term) {
        String t = term.trim().toLowerCase(java.util.Locale.ROOT);
        return t.contains(" ") || t.endsWith("*") ? t : t + "*";
    }

    /** The scorer of the given settings: its language identifier, the committed sentiment model, the built-in rules. */
    public static TextScorer create(ScorerSettings settings) {
        return new TextScorer(settings.languageIdentifier(), loadModel(settings.modelResource()), RuleSet.builtIn(), settings.productLines());
    }

    /** Loads a sentiment model from the class path. */
    public static SentimentModel loadModel(String resource) {
        try (InputStream in = TextScorer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("sentiment model " + resource + " is missing from the class path");
            }
            return SentimentModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores {@code text}; {@code languageHint} (the network's) settles the language when identification is unsure. */
    public TextScore score(String text, String languageHint) {
        return score(text, languageHint, null);
    }

    /**
     * Scores a post of a thread: when its own text names no topic, it is about {@code threadTopic} (the thread's,
     * {@code null} when unknown) rather than {@code other} or a complaint guessed from its tone.
     */
    public TextScore score(String text, String languageHint, String threadTopic) {
        String safe = text == null ? "" : text;
        String language = languages.identify(safe, languageHint);
        Sentiment mood = sentiment.predict(safe, language);
        String prepared = RuleSet.prepare(safe);
        List<String> found = rules.match("topic", language, prepared);
        List<String> topics = new ArrayList<>(found.size() + 1);
        for (String t : TOPIC_PRIORITY) {
            if (found.contains(t)) {
                topics.add(t);
            }
        }
        if (topics.isEmpty() && threadTopic != null && !OTHER.equals(threadTopic)) {
            topics.add(threadTopic);
        }
        if (Sentiment.NEGATIVE.equals(mood.label()) && mood.score() < -0.5 && !topics.contains("complaint")
                && topics.isEmpty()) {
            topics.add("complaint");
        }
        if (topics.isEmpty()) {
            topics.add(OTHER);
        }
        String segment = rules.match("segment", language, prepared).isEmpty() ? "consumer" : "business";
        List<String> signals = new ArrayList<>(rules.match("signal", language, prepared));
        if (shouting(safe)) {
            signals.add("caps");
        }
        if (safe.contains("!!") || safe.contains("??") || safe.contains("?!")) {
            signals.add("punctuation");
        }
        boolean helpful = !safe.contains("?") && !Sentiment.NEGATIVE.equals(mood.label())
                && !rules.match("answer", language, prepared).isEmpty();
        return new TextScore(language, mood, List.copyOf(topics), RuleSet.firstMatch(productLines, prepared), segment,
                List.copyOf(signals), helpful);
    }

    /** At least 12 letters, of which at least 70 % upper case. */
    static boolean shouting(String text) {
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.isUpperCase(c)) {
                    upper++;
                }
            }
        }
        return letters >= 12 && upper >= 0.7 * letters;
    }

    /** The sentiment model in use. */
    public SentimentModel sentimentModel() {
        return sentiment;
    }

    /** The language identifier in use. */
    public LanguageIdentifier languageIdentifier() {
        return languages;
    }
}
