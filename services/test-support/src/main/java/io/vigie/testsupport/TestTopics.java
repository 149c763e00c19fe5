package io.vigie.testsupport;

/** The topic prefix of this test JVM: a fresh set of topics per run, so no test reads an earlier run's records. */
public final class TestTopics {

    private static final String PREFIX = "test-" + Long.toString(System.currentTimeMillis(), 36) + ".";

    private TestTopics() {
    }

    /** The prefix, e.g. {@code test-lx3k2a.}. */
    public static String prefix() {
        return PREFIX;
    }

    /** A topic name with this run's prefix. */
    public static String topic(String name) {
        return PREFIX + name;
    }
}
