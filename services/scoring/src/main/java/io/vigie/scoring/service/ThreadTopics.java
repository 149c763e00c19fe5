package io.vigie.scoring.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each recent thread is about: the topic of its first post that had one (usually the root). A reply that says
 * nothing topical by itself ("same here", "+1", "still broken, tried everything") is about its thread, and takes the
 * thread's topic instead of {@code other}. All posts of a thread share a Kafka key, so one instance sees them in
 * order. Bounded (least recently used threads are forgotten) and per instance: after a restart or for a thread
 * older than the memory, a reply is scored on its own text, as before.
 */
public final class ThreadTopics {

    private final Map<String, String> topics;

    /** @param capacity how many recent threads are remembered */
    public ThreadTopics(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.topics = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The thread's topic, or {@code null} when it is not known. */
    public synchronized String topicOf(String threadKey) {
        return topics.get(threadKey);
    }

    /** Records a post's topic; the first topical post of a thread sets the thread's topic. */
    public synchronized void remember(String threadKey, String topic) {
        if (topic != null && !TextScorer.OTHER.equals(topic)) {
            topics.putIfAbsent(threadKey, topic);
        }
    }

    /** Threads remembered. */
    public synchronized int size() {
        return topics.size();
    }
}
