package io.vigie.ingestion.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.security.CurrentAdmin;
import io.vigie.ingestion.service.AdminService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Admin API of a centre's brand spaces (role admin, scoped to the token's centre). */
@Path("/api/admin/spaces")
@Consumes(MediaType.APPLICATION_JSON) // bodies are JSON: another type is a 415 problem, not a reader's bare 400
@RolesAllowed("admin")
public class SpaceResource {

    private final AdminService admin;
    private final CurrentAdmin caller;

    public SpaceResource(AdminService admin, CurrentAdmin caller) {
        this.admin = admin;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The spaces of the caller's centre")
    public Uni<List<SpaceView>> list() {
        return admin.spaces(caller.centre()).map(l -> l.stream().map(SpaceView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<SpaceView> get(@PathParam("id") String id) {
        return admin.space(caller.centre(), id).map(SpaceView::of);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Create or replace a space", description = "409 when another centre owns this id")
    public Uni<SpaceView> put(@PathParam("id") String id, SpaceRequest body) {
        if (body == null) {
            throw new BadRequestException("a JSON body {network, name, purpose, owner} is required");
        }
        if (body.id() != null && !body.id().equals(id)) {
            throw new BadRequestException("the body's id '" + body.id() + "' differs from the path's '" + id + "'");
        }
        return admin.putSpace(caller.centre(), id, body.network(), body.name(), body.purpose(), body.owner()).map(SpaceView::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return admin.deleteSpace(caller.centre(), id).replaceWith(Response.noContent().build());
    }
}
