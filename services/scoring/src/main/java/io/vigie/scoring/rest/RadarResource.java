package io.vigie.scoring.rest;

import io.vigie.scoring.service.RadarService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** {@code GET /api/radar}: the crisis radar of this instance: its clock, offsets, counters and whether it leads. */
@Path("/api/radar")
@Produces(MediaType.APPLICATION_JSON)
public class RadarResource {

    private final RadarService radar;

    public RadarResource(RadarService radar) {
        this.radar = radar;
    }

    @GET
    @RolesAllowed({"supervisor", "admin"})
    public Map<String, Object> status() {
        return radar.status();
    }
}
