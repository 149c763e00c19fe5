package io.vigie.traffic;

/** What a generated post is really about (ground truth, never written to the replay line). */
public enum Topic {
    TECHNICAL_SUPPORT("support"),
    PURCHASE("purchase"),
    CONFIGURATION("config"),
    BILLING_DELIVERY("billing"),
    PRAISE("praise"),
    COMPLAINT("complaint"),
    SUGGESTION("suggestion"),
    SECURITY_INCIDENT("security"),
    NOISE("noise");

    private final String section;

    Topic(String section) {
        this.section = section;
    }

    /** Name of the template section that holds this topic's root posts. */
    String section() {
        return section;
    }
}
