package io.vigie.traffic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hand-written texts of every language, read from {@code lang/<code>.txt}: templates per topic, replies,
 * crisis posts, news headlines, lexicons (issues, tasks, ...) and names.
 *
 * <p>File format: {@code @section} starts a section; in template sections each line starts with a sentiment
 * marker ({@code +}, {@code =}, {@code -}) and a space; in {@code lex.*} and {@code names.*} sections each line is
 * a plain entry; lines starting with {@code //} are comments.
 */
final class Catalog {

    /** Sections every language must define. */
    static final Set<String> REQUIRED_SECTIONS = Set.of(
            "support", "purchase", "config", "billing", "praise", "complaint", "suggestion", "security", "noise",
            "reply.metoo", "reply.tip", "reply.answer", "reply.detail", "reply.thanks", "reply.still", "reply.agree",
            "crisis.complaint", "crisis.support", "crisis.metoo",
            "rss.praise", "rss.purchase", "rss.support", "rss.crisis",
            "lex.issue", "lex.task", "lex.billing", "lex.feature", "lex.praise", "lex.price",
            "lex.tag.support", "lex.tag.complaint", "lex.tag.praise",
            "names.first", "names.last", "names.blog");

    private static volatile Catalog bundled;

    private final Map<Language, Map<String, List<Template>>> sections;

    private Catalog(Map<Language, Map<String, List<Template>>> sections) {
        this.sections = sections;
    }

    /** The catalog shipped in the jar (loaded once, immutable). */
    static Catalog bundled() {
        Catalog result = bundled;
        if (result == null) {
            synchronized (Catalog.class) {
                result = bundled;
                if (result == null) {
                    result = load();
                    bundled = result;
                }
            }
        }
        return result;
    }

    private static Catalog load() {
        Map<Language, Map<String, List<Template>>> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String resource = "lang/" + language.code() + ".txt";
            try (InputStream in = Catalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing language file " + resource);
                }
                Map<String, List<Template>> parsed = parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
                for (String required : REQUIRED_SECTIONS) {
                    if (parsed.getOrDefault(required, List.of()).isEmpty()) {
                        throw new IllegalStateException(resource + " lacks section @" + required);
                    }
                }
                all.put(language, parsed);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
        }
        return new Catalog(Collections.unmodifiableMap(all));
    }

    private static Map<String, List<Template>> parse(BufferedReader reader, String resource) throws IOException {
        Map<String, List<Template>> result = new LinkedHashMap<>();
        String section = null;
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            if (trimmed.startsWith("@")) {
                section = trimmed.substring(1);
                result.computeIfAbsent(section, k -> new ArrayList<>());
                continue;
            }
            if (section == null) {
                throw new IllegalStateException(resource + ":" + number + ": text before the first @section");
            }
            try {
                Template template;
                if (section.startsWith("lex.") || section.startsWith("names.")) {
                    template = Template.compile(null, trimmed);
                } else {
                    if (trimmed.length() < 3 || trimmed.charAt(1) != ' ') {
                        throw new IllegalArgumentException("expected '<+|=|-> text'");
                    }
                    template = Template.compile(Sentiment.fromMarker(trimmed.charAt(0)), trimmed.substring(2).strip());
                }
                result.get(section).add(template);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + ":" + number + ": " + e.getMessage(), e);
            }
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return result;
    }

    /** Templates of a section, empty when the language does not define it. */
    List<Template> section(Language language, String name) {
        return sections.get(language).getOrDefault(name, List.of());
    }

    boolean has(Language language, String name) {
        return !section(language, name).isEmpty();
    }

    /** Names of all sections of a language, in file order. */
    Set<String> sectionNames(Language language) {
        return sections.get(language).keySet();
    }

    /** Plain entries of a lexicon or names section, as written. */
    List<String> entries(Language language, String name) {
        List<String> result = new ArrayList<>();
        for (Template t : section(language, name)) {
            result.add(t.source());
        }
        return result;
    }

    /**
     * Picks a template of a section: first a sentiment in proportion to {@code weights} (indexed by
     * {@link Sentiment#ordinal()}) among the sentiments the section has, then a template of that sentiment.
     */
    Template pick(Language language, String name, double[] weights, Rng rng) {
        List<Template> templates = section(language, name);
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("No templates in " + language.code() + " @" + name);
        }
        double[] available = new double[Sentiment.values().length];
        boolean any = false;
        for (Template t : templates) {
            int s = t.sentiment() == null ? Sentiment.NEUTRAL.ordinal() : t.sentiment().ordinal();
            if (available[s] == 0 && weights[s] > 0) {
                available[s] = weights[s];
                any = true;
            }
        }
        if (!any) {
            return rng.pick(templates);
        }
        Sentiment chosen = Sentiment.values()[rng.weighted(available)];
        List<Template> candidates = new ArrayList<>();
        for (Template t : templates) {
            if (t.sentiment() == chosen) {
                candidates.add(t);
            }
        }
        return rng.pick(candidates);
    }
}
