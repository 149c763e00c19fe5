package io.vigie.scoring.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vigie.events.Mention;
import io.vigie.events.ScoredMention;
import io.vigie.scoring.config.ScoringConfig;
import io.vigie.scoring.domain.AuthorHistory;
import io.vigie.scoring.domain.TextScore;
import io.vigie.scoring.repository.AuthorStatsRepository;
import io.vigie.scoring.repository.AuthorStatsRepository.AuthorIncrement;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Business logic of scoring: the text scorer (language, sentiment, topics, segment, signals; a reply without a topic
 * of its own takes its thread's, {@link ThreadTopics}), spam marks, the
 * author's influence and history, expert candidates, and urgency from all of them. A batch of mentions costs three
 * SQL statements, and each mention is scored as if the batch had been processed one mention at a time.
 */
@ApplicationScoped
public class ScoringService {

    private final AuthorStatsRepository authors;
    private final TextScorer scorer;
    private final SpamDetector spam;
    private final ThreadTopics threads;
    private final ScoringConfig.Experts experts;

    public ScoringService(AuthorStatsRepository authors, TextScorer scorer, SpamDetector spam, ThreadTopics threads,
            ScoringConfig config) {
        this.authors = authors;
        this.scorer = scorer;
        this.spam = spam;
        this.threads = threads;
        this.experts = config.experts();
    }

    /** What the text and the spam check say about one mention, before the author's history is known. */
    private record Pending(Mention mention, TextScore text, List<String> spamReasons, String authorKey,
            boolean helpfulAnswer) {
    }

    /**
     * Scores mentions in their order; a redelivered mention is scored again but not counted twice in its author's
     * history.
     */
    @WithTransaction
    public Uni<List<ScoredMention>> scoreBatch(List<Mention> mentions) {
        Instant now = Instant.now();
        List<Pending> pending = new ArrayList<>(mentions.size());
        for (Mention m : mentions) {
            String thread = m.conversationKey();
            boolean reply = m.inReplyTo() != null || !m.threadId().equals(m.nativeId());
            TextScore text = scorer.score(m.text(), m.langHint(), reply ? threads.topicOf(thread) : null);
            threads.remember(thread, text.topic());
            List<String> spamReasons = spam.check(m.text(), m.createdAt() == null ? now : m.createdAt());
            String authorKey = m.author() == null ? null : m.network() + ":" + m.author().id();
            boolean helpful = text.helpfulAnswer() && m.inReplyTo() != null && spamReasons.isEmpty();
            pending.add(new Pending(m, text, spamReasons, authorKey, helpful));
        }
        List<String> keys = mentions.stream().map(Mention::key).distinct().toList();
        return authors.markScored(keys, now).chain(fresh -> {
            // Count each new mention once (a key twice in one batch counts once), per author.
            Map<String, long[]> increments = new LinkedHashMap<>();
            Set<String> counted = new java.util.HashSet<>();
            boolean[] isNew = new boolean[pending.size()];
            for (int i = 0; i < pending.size(); i++) {
                Pending p = pending.get(i);
                isNew[i] = fresh.contains(p.mention().key()) && counted.add(p.mention().key());
                if (isNew[i] && p.authorKey() != null) {
                    long[] inc = increments.computeIfAbsent(p.authorKey(), k -> new long[2]);
                    inc[0]++;
                    inc[1] += p.helpfulAnswer() ? 1 : 0;
                }
            }
            Set<String> others = new java.util.HashSet<>();
            for (Pending p : pending) {
                if (p.authorKey() != null && !increments.containsKey(p.authorKey())) {
                    others.add(p.authorKey());
                }
            }
            List<AuthorIncrement> list = new ArrayList<>();
            increments.forEach((k, v) -> list.add(new AuthorIncrement(k, v[0], v[1])));
            return authors.count(list, now).chain(after -> authors.histories(others).map(before -> {
                Map<String, AuthorHistory> histories = new HashMap<>(before);
                histories.putAll(after);
                return results(pending, isNew, histories, now);
            }));
        });
    }

    /** Scores each mention with its author's history as it was right after that mention was counted. */
    private List<ScoredMention> results(List<Pending> pending, boolean[] isNew, Map<String, AuthorHistory> finalHistories,
            Instant now) {
        // Walk backwards from the batch's final counts, undoing each new mention after using it.
        Map<String, long[]> running = new HashMap<>();
        finalHistories.forEach((k, h) -> running.put(k, new long[] {h.mentions(), h.helpfulAnswers()}));
        ScoredMention[] out = new ScoredMention[pending.size()];
        for (int i = pending.size() - 1; i >= 0; i--) {
            Pending p = pending.get(i);
            long[] h = p.authorKey() == null ? new long[2] : running.getOrDefault(p.authorKey(), new long[2]);
            AuthorHistory history = new AuthorHistory(h[0], h[1]);
            out[i] = scored(p, history, now);
            if (isNew[i] && p.authorKey() != null) {
                h[0]--;
                h[1] -= p.helpfulAnswer() ? 1 : 0;
            }
        }
        return List.of(out);
    }

    private ScoredMention scored(Pending p, AuthorHistory history, Instant now) {
        double influence = Influence.of(p.mention().author(), history.mentions());
        List<String> signals = new ArrayList<>(p.text().signals());
        signals.addAll(p.spamReasons());
        boolean isSpam = !p.spamReasons().isEmpty();
        double urgency = isSpam ? 0.0 : Urgency.of(p.text(), influence);
        TextScore t = p.text();
        return new ScoredMention(ScoredMention.VERSION, p.mention(), t.language(), t.sentiment(), t.topic(),
                t.productLine(), t.segment(), urgency, influence, isSpam, isExpert(history), signals, now);
    }

    /** Scores a text alone (no author history, nothing stored): the REST API. */
    public TextScore scoreText(String text, String languageHint) {
        return scorer.score(text, languageHint);
    }

    private boolean isExpert(AuthorHistory history) {
        return history.helpfulAnswers() >= experts.minHelpfulAnswers()
                && history.helpfulAnswers() >= experts.minHelpfulShare() * history.mentions();
    }
}
