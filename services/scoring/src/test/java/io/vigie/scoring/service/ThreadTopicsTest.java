package io.vigie.scoring.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vigie.scoring.domain.TextScore;
import org.junit.jupiter.api.Test;

class ThreadTopicsTest {

    @Test
    void theFirstTopicalPostSetsTheThreadsTopic() {
        ThreadTopics threads = new ThreadTopics(10);
        threads.remember("x:1", TextScorer.OTHER);
        assertNull(threads.topicOf("x:1"), "other says nothing about the thread");
        threads.remember("x:1", "technical_support");
        threads.remember("x:1", "configuration");
        assertEquals("technical_support", threads.topicOf("x:1"));
        assertNull(threads.topicOf("x:2"));
    }

    @Test
    void theLeastRecentlyUsedThreadsAreForgotten() {
        ThreadTopics threads = new ThreadTopics(2);
        threads.remember("x:1", "purchase");
        threads.remember("x:2", "purchase");
        threads.topicOf("x:1");
        threads.remember("x:3", "purchase");
        assertEquals(2, threads.size());
        assertEquals("purchase", threads.topicOf("x:1"));
        assertNull(threads.topicOf("x:2"));
        assertThrows(IllegalArgumentException.class, () -> new ThreadTopics(0));
    }

    @Test
    void aReplysOwnTopicWinsOverItsThreads() {
        TextScorer scorer = TextScorer.create(ScorerSettings.defaults());
        TextScore own = scorer.score("How much does the Aero 14 cost with 32 GB?", "en", "technical_support");
        assertEquals("purchase", own.topic());
        TextScore inherited = scorer.score("+1, happening to me since last week too.", "en", "technical_support");
        assertEquals("technical_support", inherited.topic());
        TextScore alone = scorer.score("+1, happening to me since last week too.", "en", null);
        assertEquals(TextScorer.OTHER, alone.topic());
    }
}
