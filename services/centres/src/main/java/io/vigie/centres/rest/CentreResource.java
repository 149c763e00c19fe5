package io.vigie.centres.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.service.CentreService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The centres registry API. */
@Path("/api/centres")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CentreResource {

    private final CentreService centres;

    public CentreResource(CentreService centres) {
        this.centres = centres;
    }

    @GET
    public Uni<List<CentreDto>> list() {
        return centres.all();
    }

    @GET
    @Path("/{id}")
    public Uni<CentreDto> get(@PathParam("id") String id) {
        return centres.byId(id).onItem().ifNull().failWith(() -> new NotFoundException("no centre " + id));
    }
}
