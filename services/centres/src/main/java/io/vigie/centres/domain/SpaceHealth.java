package io.vigie.centres.domain;

/**
 * One brand space on the spaces map: who owns it and how healthy it is over a period.
 *
 * @param space            space id, e.g. {@code x:@NordlysCare_FR}
 * @param network          its network
 * @param ownerCentre      the centre whose configuration lists it, or null
 * @param mentions         mentions heard in it
 * @param temperature      share positive minus share negative
 * @param meanScore        mean sentiment score
 * @param conversations    conversations started in it
 * @param unansweredShare  share of those still without a first response (closed ones excluded)
 * @param firstResponseP50 median first response time in seconds
 * @param neglected        no owner, or at least half of its conversations unanswered
 * @param crowdedNetwork   its network has more spaces than the configured maximum (customers do not know where to go)
 */
public record SpaceHealth(String space, String network, String ownerCentre, long mentions, Double temperature,
        Double meanScore, long conversations, Double unansweredShare, Double firstResponseP50, boolean neglected,
        boolean crowdedNetwork) {
}
