package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.registry.api.Requests.RegisterCommunityRequest;
import city.yingzao.registry.api.Requests.UpdateCommunityRequest;
import city.yingzao.registry.application.CommunityFilter;
import city.yingzao.registry.application.CommunityImportService;
import city.yingzao.registry.application.CommunityService;
import city.yingzao.registry.application.PageRequest;
import city.yingzao.registry.application.PageView;
import city.yingzao.registry.application.Views.CommunityDetailView;
import city.yingzao.registry.application.Views.CommunityView;
import city.yingzao.registry.application.Views.ImportResult;
import city.yingzao.registry.domain.CommunityKind;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/communities")
@Tag(name = "Communities", description = "Communities and villages 社区/村 (P1, P2)")
public class CommunityResource {

    @Inject
    CommunityService communities;

    @Inject
    CommunityImportService imports;

    @POST
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "Register a community on a street (a district operator only in their own district)")
    public Response register(@Valid @NotNull RegisterCommunityRequest request) {
        CommunityDetailView created = communities.register(request.toCommand());
        return Response.created(URI.create("/api/communities/" + created.code())).entity(created).build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "Import communities from CSV, all or nothing")
    public ImportResult importCsv(String body) {
        return imports.importCsv(body);
    }

    @GET
    @Authenticated
    @Operation(summary = "List communities, paged, filtered by district, street, kind, stage or text")
    public PageView<CommunityView> list(@QueryParam("district") String district, @QueryParam("street") String street,
            @QueryParam("kind") String kind, @QueryParam("stage") String stage, @QueryParam("q") String text,
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("sort") String sort) {
        CommunityFilter filter = new CommunityFilter(QueryParams.text(district), QueryParams.text(street),
                QueryParams.enumeration("kind", kind, CommunityKind.class), QueryParams.integer("stage", stage),
                QueryParams.text(text));
        return communities.list(filter, PageRequest.of(QueryParams.integer("page", page),
                QueryParams.integer("size", size), sort, CommunityService.SORTS));
    }

    @GET
    @Path("{code}")
    @Authenticated
    @Operation(summary = "A community with its resident groups and courtyards")
    public CommunityDetailView get(@PathParam("code") String code) {
        return communities.find(code);
    }

    @PUT
    @Path("{code}")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.DISTRICT_OPERATOR})
    @Operation(summary = "Change a community's name, kind, registered households or stage")
    public CommunityDetailView update(@PathParam("code") String code, @Valid @NotNull UpdateCommunityRequest request) {
        return communities.update(code, request.toCommand());
    }
}
