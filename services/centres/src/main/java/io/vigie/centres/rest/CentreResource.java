package io.vigie.centres.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vigie.centres.service.CentreService;
import io.vigie.centres.service.CentreStatusService;
import io.vigie.events.CentreConfig;
import io.vigie.events.CentreStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The centres registry API: anyone signed in reads it, admins change it. */
@Path("/api/centres")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class CentreResource {

    private final CentreService centres;
    private final CentreStatusService status;

    public CentreResource(CentreService centres, CentreStatusService status) {
        this.centres = centres;
        this.status = status;
    }

    @GET
    public Uni<List<CentreConfig>> list() {
        return centres.all();
    }

    @GET
    @Path("/{id}")
    public Uni<CentreConfig> get(@PathParam("id") String id) {
        return centres.byId(id).onItem().ifNull().failWith(() -> Problems.notFound("no centre " + id));
    }

    @GET
    @Path("/{id}/status")
    public Uni<CentreStatus> status(@PathParam("id") String id) {
        return status.current(id).onItem().ifNull().failWith(() -> Problems.notFound("no centre " + id));
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> create(CentreConfig config) {
        return Uni.createFrom().deferred(() -> centres.create(config))
                .onFailure().transform(Problems::of)
                .map(c -> Response.created(URI.create("/api/centres/" + c.id())).entity(c).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("admin")
    public Uni<CentreConfig> update(@PathParam("id") String id, CentreConfig config) {
        return Uni.createFrom().deferred(() -> centres.update(id, config))
                .onFailure().transform(Problems::of)
                .onItem().ifNull().failWith(() -> Problems.notFound("no centre " + id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed("admin")
    public Uni<Response> retire(@PathParam("id") String id) {
        return centres.retire(id).map(done -> {
            if (!done) {
                throw Problems.notFound("no centre " + id);
            }
            return Response.noContent().build();
        });
    }
}
