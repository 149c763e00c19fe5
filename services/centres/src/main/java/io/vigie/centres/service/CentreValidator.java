package io.vigie.centres.service;

import io.vigie.centres.domain.BusinessHours;
import io.vigie.events.CentreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The registry's rules for a centre configuration; collects every violation rather than stopping at the first. */
@ApplicationScoped
public class CentreValidator {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{2,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9_.:@/-]{1,128}", Pattern.CASE_INSENSITIVE);

    /** The violations of {@code c}, each {@code field: reason}; empty when valid. */
    public List<String> violations(CentreConfig c) {
        List<String> v = new ArrayList<>();
        if (c == null) {
            return List.of("body: a centre configuration is required");
        }
        if (c.id() == null || !ID.matcher(c.id()).matches()) {
            v.add("id: '" + c.id() + "' must be 2-64 lower-case letters, digits or dashes");
        }
        if (c.city() == null || c.city().isBlank() || c.city().length() > 128) {
            v.add("city: required, at most 128 characters");
        }
        if (c.timeZone() == null) {
            v.add("timeZone: required (an IANA zone such as Europe/Paris)");
        } else {
            try {
                ZoneId.of(c.timeZone());
            } catch (DateTimeException e) {
                v.add("timeZone: '" + c.timeZone() + "' is not an IANA time zone");
            }
        }
        if (c.primaryLanguages().isEmpty()) {
            v.add("primaryLanguages: at least one language is required");
        }
        languages("primaryLanguages", c.primaryLanguages(), v);
        languages("secondaryLanguages", c.secondaryLanguages(), v);
        for (String l : c.secondaryLanguages()) {
            if (c.primaryLanguages().contains(l)) {
                v.add("secondaryLanguages: '" + l + "' is already a primary language");
            }
        }
        if (c.residencyZone() == null || !c.residencyZone().matches("[A-Z]{2,16}")) {
            v.add("residencyZone: '" + c.residencyZone() + "' must be 2-16 upper-case letters, e.g. EU");
        }
        for (Map.Entry<String, List<String>> day : c.businessHours().entrySet()) {
            String bad = BusinessHours.checkDay(day.getKey());
            if (bad != null) {
                v.add("businessHours: " + bad);
            }
            for (String range : day.getValue() == null ? List.<String>of() : day.getValue()) {
                String badRange = BusinessHours.checkRange(range);
                if (badRange != null) {
                    v.add("businessHours." + day.getKey() + ": " + badRange);
                }
            }
        }
        names("skills", c.skills(), v);
        names("spaces", c.spaces(), v);
        names("watchlists", c.watchlists(), v);
        if (c.capacity() < 1) {
            v.add("capacity: must be at least 1 conversation");
        }
        if (c.saturationWaitSeconds() < 0) {
            v.add("saturationWaitSeconds: must not be negative");
        }
        if (c.sla() == null) {
            v.add("sla: an SLA policy is required");
        } else {
            if (c.sla().firstResponseSeconds() < 1) {
                v.add("sla.firstResponseSeconds: must be at least 1");
            }
            if (c.sla().nextResponseSeconds() < 1) {
                v.add("sla.nextResponseSeconds: must be at least 1");
            }
            if (c.sla().resolutionSeconds() < c.sla().firstResponseSeconds()) {
                v.add("sla.resolutionSeconds: must not be shorter than the first response target");
            }
        }
        return v;
    }

    /** Throws {@link InvalidCentreException} when {@code c} is invalid. */
    public void check(CentreConfig c) {
        List<String> v = violations(c);
        if (!v.isEmpty()) {
            throw new InvalidCentreException(v);
        }
    }

    private static void languages(String field, List<String> values, List<String> v) {
        if (new HashSet<>(values).size() != values.size()) {
            v.add(field + ": duplicate languages");
        }
        for (String l : values) {
            if (l == null || !LANGUAGE.matcher(l).matches()) {
                v.add(field + ": '" + l + "' is not an ISO 639-1 code (two lower-case letters)");
            }
        }
    }

    private static void names(String field, List<String> values, List<String> v) {
        for (String s : values) {
            if (s == null || !NAME.matcher(s).matches()) {
                v.add(field + ": '" + s + "' must be 1-128 letters, digits or _ . : @ / -");
            }
        }
    }
}
