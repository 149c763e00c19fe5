package io.vigie.centres.rest;

import io.vigie.centres.domain.Centre;
import java.util.Arrays;
import java.util.List;

/** A centre as the API and the seed files show it. */
public record CentreDto(String id, String city, String timeZone, List<String> primaryLanguages,
        List<String> secondaryLanguages, String residencyZone) {

    /** The DTO of a stored centre. */
    public static CentreDto of(Centre c) {
        return new CentreDto(c.id, c.city, c.timeZone, split(c.primaryLanguages), split(c.secondaryLanguages),
                c.residencyZone);
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.asList(csv.split(","));
    }
}
