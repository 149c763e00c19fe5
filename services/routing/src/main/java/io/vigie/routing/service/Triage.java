package io.vigie.routing.service;

import io.vigie.events.Sentiment;
import io.vigie.events.ScoredMention;
import io.vigie.routing.config.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a scored message: does it need an answer, which skills does it ask for, and how urgent is it. */
@ApplicationScoped
public class Triage {

    /** The queue of conversations no specific skill is needed for. */
    public static final String GENERAL = "general";
    /** The skill of crisis cells (outages, security incidents, very urgent posts). */
    public static final String CRISIS = "crisis";

    private static final Set<String> REQUEST_TOPICS = Set.of("technical_support", "purchase", "configuration",
            "billing_delivery", "security_incident", "suggestion");

    private final RoutingConfig config;
    private final IncidentWatch incidents;

    public Triage(RoutingConfig config, IncidentWatch incidents) {
        this.config = config;
        this.incidents = incidents;
    }

    /** The active incident of the crisis radar this message belongs to, if any. */
    public java.util.Optional<IncidentWatch.Match> incident(ScoredMention s) {
        return incidents.match(s);
    }

    /**
     * Whether a message needs an answer, and why.
     *
     * @param actionable whether it does
     * @param reason     the reason, e.g. {@code actionable: question} or {@code not actionable: praise only}
     */
    public record Verdict(boolean actionable, String reason) {
    }

    /** Question, complaint or request: actionable; spam, praise only or noise: not. */
    public Verdict actionable(ScoredMention s) {
        String text = s.mention().text() == null ? "" : s.mention().text();
        boolean question = text.contains("?") || text.contains("¿");
        boolean negative = s.sentiment() != null && Sentiment.NEGATIVE.equals(s.sentiment().label());
        boolean positive = s.sentiment() != null && Sentiment.POSITIVE.equals(s.sentiment().label());
        if (s.spam()) {
            return new Verdict(false, "not actionable: spam");
        }
        if (question) {
            return new Verdict(true, "actionable: question");
        }
        if (negative || "complaint".equals(s.topic())) {
            return new Verdict(true, "actionable: complaint");
        }
        if (s.topic() != null && REQUEST_TOPICS.contains(s.topic())) {
            return new Verdict(true, "actionable: request (" + s.topic() + ")");
        }
        if ("praise".equals(s.topic()) || positive) {
            return new Verdict(false, "not actionable: praise only");
        }
        if (text.strip().split("\\s+").length < 3 && s.urgency() < 0.3) {
            return new Verdict(false, "not actionable: noise (no question, complaint or request)");
        }
        return new Verdict(true, "actionable: may need an answer (" + s.topic() + ")");
    }

    /**
     * Skills asked for, most specific first: crisis, product line, segment, topic. {@code inIncident}: whether the
     * message belongs to an active incident ({@link #incident}, which the caller has looked up already).
     */
    public List<String> skills(ScoredMention s, boolean inIncident) {
        Set<String> skills = new LinkedHashSet<>();
        if (s.urgency() >= config.crisisUrgency() || "security_incident".equals(s.topic())
                || s.signals().contains("outage") || s.signals().contains(CRISIS) || inIncident) {
            skills.add(CRISIS);
        }
        add(skills, s.productLine());
        add(skills, s.segment());
        add(skills, s.topic());
        return new ArrayList<>(skills);
    }

    private static void add(Set<String> skills, String value) {
        if (value != null && !value.isBlank()) {
            skills.add(value.trim().toLowerCase(Locale.ROOT).replace(',', '_'));
        }
    }

    /** The queue in a centre: the first wanted skill the centre covers, else {@link #GENERAL}. */
    public static String queue(List<String> wanted, List<String> centreSkills) {
        return wanted.stream().filter(centreSkills::contains).findFirst().orElse(GENERAL);
    }

    /** Base priority: {@code round(100 × max(urgency, 0.5 × influence))}, within 0..100. */
    public static int priority(ScoredMention s) {
        return Math.max(0, Math.min(100, (int) Math.round(100 * Math.max(s.urgency(), 0.5 * s.influence()))));
    }
}
