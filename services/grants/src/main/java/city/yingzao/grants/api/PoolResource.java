package city.yingzao.grants.api;

import city.yingzao.grants.api.Requests.GroupRequest;
import city.yingzao.grants.api.Requests.JoinRequest;
import city.yingzao.grants.api.Requests.MemberRequest;
import city.yingzao.grants.application.ReviewService;
import city.yingzao.grants.application.SupervisionGroups;
import city.yingzao.grants.domain.PoolMember;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

@Path("/api/pools")
@Tag(name = "Pools", description = "The reviewer pool (G3) and the supervision pools (G5): supervisors, university experts, social workers")
public class PoolResource {

    static final Set<String> POOLS = Set.of("REVIEWER", "SUPERVISOR", "EXPERT", "SOCIAL_WORKER");

    @Inject
    ReviewService reviews;

    @Inject
    SupervisionGroups groups;

    @POST
    @Path("{pool}/me")
    @RolesAllowed({Roles.REVIEWER, Roles.SUPERVISOR})
    @Operation(summary = "Join a pool with your token: its org, community and district claims are what conflicts are computed from")
    public PoolMember join(@PathParam("pool") String pool, @Valid @Nullable @RequestBody(required = false) JoinRequest r, @Context SecurityContext security) {
        String p = pool(pool);
        boolean allowed = p.equals("REVIEWER") ? security.isUserInRole(Roles.REVIEWER) : security.isUserInRole(Roles.SUPERVISOR);
        if (!allowed) {
            throw Problems.outOfScope("the " + p + " pool takes people of role " + (p.equals("REVIEWER") ? Roles.REVIEWER : Roles.SUPERVISOR));
        }
        return reviews.join(p, r == null ? null : r.displayName(), r == null ? null : r.pastOrganisations());
    }

    @POST
    @Path("{pool}")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Add a person to a pool with their organisations, communities and district")
    public Response add(@PathParam("pool") String pool, @Valid @NotNull MemberRequest r) {
        return Response.status(Response.Status.CREATED).entity(reviews.add(pool(pool), r.toMember())).build();
    }

    @GET
    @Path("{pool}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    public List<PoolMember> members(@PathParam("pool") String pool) {
        return reviews.members(pool(pool));
    }

    @POST
    @Path("groups")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "A supervision group of the city's expert team, by region and category (G5)")
    public Response group(@Valid @NotNull GroupRequest r) {
        return Response.status(Response.Status.CREATED).entity(groups.create(r.name(), r.districtCode(), r.pivotCategory())).build();
    }

    static String pool(String pool) {
        String p = pool == null ? "" : pool.toUpperCase().replace('-', '_');
        if (!POOLS.contains(p)) {
            throw Problems.notFound("pool", pool);
        }
        return p;
    }
}
