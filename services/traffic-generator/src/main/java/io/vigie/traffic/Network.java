package io.vigie.traffic;

/** The social networks a replay file can contain, with their wire name and share of baseline traffic. */
public enum Network {
    X("x", 0.47),
    FACEBOOK("facebook", 0.23),
    COMMUNITY("community", 0.19),
    LINKEDIN("linkedin", 0.07),
    RSS("rss", 0.04);

    private final String wireName;
    private final double share;

    Network(String wireName, double share) {
        this.wireName = wireName;
        this.share = share;
    }

    /** Name used in the {@code network} field and as the prefix of space ids. */
    public String wireName() {
        return wireName;
    }

    /** Approximate share of baseline posts on this network. */
    public double share() {
        return share;
    }
}
