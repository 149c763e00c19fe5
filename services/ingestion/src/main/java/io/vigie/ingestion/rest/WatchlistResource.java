package io.vigie.ingestion.rest;

import io.smallrye.mutiny.Uni;
import io.vigie.ingestion.security.CurrentAdmin;
import io.vigie.ingestion.service.AdminService;
import io.vigie.ingestion.service.DryRunResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Admin API of a centre's watchlists (role admin, scoped to the token's centre), with a dry-run. */
@Path("/api/admin/watchlists")
@Consumes(MediaType.APPLICATION_JSON) // bodies are JSON: another type is a 415 problem, not a reader's bare 400
@RolesAllowed("admin")
public class WatchlistResource {

    private final AdminService admin;
    private final CurrentAdmin caller;

    public WatchlistResource(AdminService admin, CurrentAdmin caller) {
        this.admin = admin;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The watchlists of the caller's centre")
    public Uni<List<WatchlistView>> list() {
        return admin.watchlists(caller.centre()).map(l -> l.stream().map(WatchlistView::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<WatchlistView> get(@PathParam("id") String id) {
        return admin.watchlist(caller.centre(), id).map(WatchlistView::of);
    }

    @POST
    @Operation(summary = "Create a watchlist", description = "400 with the column of the mistake when the query does not parse")
    public Uni<Response> create(WatchlistRequest body) {
        WatchlistRequest b = required(body);
        return admin.createWatchlist(caller.centre(), b.name(), b.query())
                .map(w -> Response.created(URI.create("/api/admin/watchlists/" + w.id)).entity(WatchlistView.of(w)).build());
    }

    @PUT
    @Path("/{id}")
    public Uni<WatchlistView> update(@PathParam("id") String id, WatchlistRequest body) {
        WatchlistRequest b = required(body);
        return admin.updateWatchlist(caller.centre(), id, b.name(), b.query()).map(WatchlistView::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return admin.deleteWatchlist(caller.centre(), id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/dry-run")
    @Operation(summary = "What a query would have matched in recent traffic")
    public Uni<DryRunResult> dryRun(DryRunRequest body) {
        if (body == null) {
            throw new BadRequestException("a JSON body {query, scan} is required");
        }
        caller.centre();
        return admin.dryRun(body.query(), body.scan());
    }

    private static WatchlistRequest required(WatchlistRequest body) {
        if (body == null) {
            throw new BadRequestException("a JSON body {name, query} is required");
        }
        return body;
    }
}
