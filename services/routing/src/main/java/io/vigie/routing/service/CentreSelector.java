package io.vigie.routing.service;

import io.vigie.events.CentreConfig;
import io.vigie.events.CentreStatus;
import io.vigie.routing.config.RoutingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the centre of a conversation: by language (primary languages first, then secondary), within the
 * residency zone of the space's owning centre, and overflows (follow-the-sun) from a closed or saturated centre to
 * the next available one that covers the language.
 */
@ApplicationScoped
public class CentreSelector {

    private final CentreDirectory directory;
    private final RoutingConfig config;

    public CentreSelector(CentreDirectory directory, RoutingConfig config) {
        this.directory = directory;
        this.config = config;
    }

    /**
     * The choice and its reasons.
     *
     * @param centre  the centre that takes the conversation now (null when no centre is known)
     * @param home    the centre chosen by language alone
     * @param reasons why
     */
    public record Choice(String centre, String home, List<String> reasons) {
        /** Whether the conversation goes to another centre than its home. */
        public boolean handedOff() {
            return centre != null && !centre.equals(home);
        }
    }

    /** Why a centre cannot take new work now, or empty when it can. */
    public Optional<String> unavailability(CentreConfig c, Instant now) {
        if (!BusinessCalendar.isOpen(c, now)) {
            boolean holiday = c.holidays().contains(now.atZone(BusinessCalendar.zone(c)).toLocalDate());
            return Optional.of(c.id() + " is closed (" + (holiday ? "holiday, " : "") + BusinessCalendar.localTime(c, now)
                    + ", hours " + c.businessHours().getOrDefault(
                            now.atZone(BusinessCalendar.zone(c)).getDayOfWeek().name(), List.of()) + ")");
        }
        Optional<CentreStatus> status = directory.status(c.id());
        if (c.saturationWaitSeconds() > 0 && status.isPresent()
                && status.get().expectedWaitSeconds() > c.saturationWaitSeconds()) {
            return Optional.of(c.id() + " is saturated (expected wait " + status.get().expectedWaitSeconds()
                    + " s > threshold " + c.saturationWaitSeconds() + " s)");
        }
        return Optional.empty();
    }

    /** The residency zone a space belongs to: that of the centre owning it, if any. */
    public Optional<CentreConfig> owner(String space) {
        if (space == null) {
            return Optional.empty();
        }
        return directory.centres().stream().filter(c -> c.spaces().contains(space))
                .min(Comparator.comparing(CentreConfig::id));
    }

    /**
     * Chooses the centre for {@code language} and {@code space} at {@code now}: the home centre is the first one
     * covering the language (primary before secondary, then by id); if it cannot take work, the first available
     * other centre, those of the home centre's residency zone first; if none, the home centre's queue.
     */
    public Choice choose(String language, String space, Instant now) {
        List<String> reasons = new ArrayList<>();
        List<CentreConfig> candidates = covering(language);
        String lang = language;
        if (candidates.isEmpty()) {
            lang = config.fallbackLanguage();
            candidates = covering(lang);
            reasons.add("language " + language + " is covered by no centre; falling back to " + lang);
        }
        Optional<CentreConfig> owner = owner(space);
        if (owner.isPresent() && owner.get().residencyZone() != null) {
            String zone = owner.get().residencyZone();
            List<CentreConfig> inZone = candidates.stream().filter(c -> zone.equals(c.residencyZone())).toList();
            reasons.add("space " + space + " is " + zone + "-only (owned by " + owner.get().id() + "): only "
                    + zone + " centres may take it");
            candidates = inZone;
        }
        if (candidates.isEmpty()) {
            reasons.add(directory.isEmpty() ? "no centre configuration received yet: waiting for centres.config"
                    : "no centre covers " + lang + " here: waiting until one does");
            return new Choice(null, null, reasons);
        }
        CentreConfig home = candidates.get(0);
        reasons.add("language " + lang + " is covered by " + home.id() + " ("
                + (home.primaryLanguages().contains(lang) ? "primary" : "secondary") + ")");
        Optional<String> homeDown = unavailability(home, now);
        if (homeDown.isEmpty()) {
            return new Choice(home.id(), home.id(), reasons);
        }
        reasons.add(homeDown.get());
        // Overflow prefers centres of the home centre's residency zone (the data stays in its region), then the list order.
        List<CentreConfig> overflow = new ArrayList<>(candidates.subList(1, candidates.size()));
        overflow.sort(Comparator.comparing((CentreConfig c) -> !java.util.Objects.equals(c.residencyZone(), home.residencyZone())));
        for (CentreConfig c : overflow) {
            Optional<String> down = unavailability(c, now);
            if (down.isEmpty()) {
                reasons.add("follow-the-sun: handed off to " + c.id() + " (open at "
                        + BusinessCalendar.localTime(c, now) + ", covers " + lang + " as "
                        + (c.primaryLanguages().contains(lang) ? "primary" : "secondary") + ")");
                return new Choice(c.id(), home.id(), reasons);
            }
            reasons.add(down.get());
        }
        reasons.add("no available centre covers " + lang + ": waits in " + home.id() + "'s queue");
        return new Choice(home.id(), home.id(), reasons);
    }

    /** Centres covering the language: primary ones first, then secondary, each by id. */
    private List<CentreConfig> covering(String language) {
        List<CentreConfig> primary = directory.centres().stream().filter(c -> c.primaryLanguages().contains(language))
                .sorted(Comparator.comparing(CentreConfig::id)).toList();
        List<CentreConfig> secondary = directory.centres().stream()
                .filter(c -> !c.primaryLanguages().contains(language) && c.secondaryLanguages().contains(language))
                .sorted(Comparator.comparing(CentreConfig::id)).toList();
        List<CentreConfig> all = new ArrayList<>(primary);
        all.addAll(secondary);
        return all;
    }
}
