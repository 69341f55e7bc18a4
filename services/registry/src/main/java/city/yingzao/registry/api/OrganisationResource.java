package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.api.Requests.RegisterOrganisationRequest;
import city.yingzao.registry.application.OrganisationService;
import city.yingzao.registry.application.Views.OrganisationView;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/communities/{communityCode}/organisations")
@Tag(name = "Organisations", description = "Party organisation, committee, social organisations and others of a community (P4)")
public class OrganisationResource {

    @Inject
    OrganisationService organisations;

    @POST
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR, Roles.COMMUNITY_STAFF})
    @Operation(summary = "Register an organisation (at most one party organisation and one committee, P4)")
    public Response register(@PathParam("communityCode") String communityCode,
            @Valid @NotNull RegisterOrganisationRequest request) {
        OrganisationView created = organisations.register(communityCode, request.toCommand());
        return Response.created(URI.create("/api/communities/" + communityCode + "/organisations/" + created.code()))
                .entity(created).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "The organisations of a community")
    public List<OrganisationView> list(@PathParam("communityCode") String communityCode) {
        return organisations.list(communityCode);
    }

    @GET
    @Path("{code}")
    @Authenticated
    @Operation(summary = "An organisation")
    public OrganisationView get(@PathParam("communityCode") String communityCode, @PathParam("code") String code) {
        return organisations.find(communityCode, code);
    }
}
