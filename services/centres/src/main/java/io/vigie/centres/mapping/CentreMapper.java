package io.vigie.centres.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigie.centres.domain.Centre;
import io.vigie.events.CentreConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Maps stored centres to the CentreConfig event and back. */
@ApplicationScoped
public class CentreMapper {

    private final ObjectMapper json;

    public CentreMapper(ObjectMapper json) {
        this.json = json;
    }

    /** The configuration of a stored centre (rows from before the full configuration get empty hours, no SLA). */
    public CentreConfig toConfig(Centre c) {
        if (c.config != null) {
            try {
                CentreConfig stored = json.readValue(c.config, CentreConfig.class);
                return withState(stored, c.deleted, c.updatedAt);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("centre " + c.id + " has an unreadable configuration", e);
            }
        }
        return new CentreConfig(CentreConfig.VERSION, c.id, c.city, c.timeZone, split(c.primaryLanguages),
                split(c.secondaryLanguages), c.residencyZone, null, null, null, 0, 0, null, null, null, c.deleted,
                c.updatedAt);
    }

    /** Writes {@code config} into the entity, stamped with {@code now}. */
    public void apply(Centre c, CentreConfig config, Instant now) {
        CentreConfig stamped = withState(config, c.deleted, now);
        c.id = stamped.id();
        c.city = stamped.city();
        c.timeZone = stamped.timeZone();
        c.primaryLanguages = String.join(",", stamped.primaryLanguages());
        c.secondaryLanguages = String.join(",", stamped.secondaryLanguages());
        c.residencyZone = stamped.residencyZone();
        c.updatedAt = now;
        c.publishedAt = null;
        try {
            c.config = json.writeValueAsString(stamped);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the configuration of centre " + c.id, e);
        }
    }

    /** A copy of {@code c} with the current schema version, the given retirement flag and update time. */
    public static CentreConfig withState(CentreConfig c, boolean deleted, Instant updatedAt) {
        return new CentreConfig(CentreConfig.VERSION, c.id(), c.city(), c.timeZone(), c.primaryLanguages(),
                c.secondaryLanguages(), c.residencyZone(), c.businessHours(), c.holidays(), c.skills(), c.capacity(),
                c.saturationWaitSeconds(), c.sla(), c.spaces(), c.watchlists(), deleted, updatedAt);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
