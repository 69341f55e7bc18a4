package city.yingzao.training.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.training.api.Requests.CourseRequest;
import city.yingzao.training.api.Requests.InstitutionRequest;
import city.yingzao.training.api.Requests.VersionRequest;
import city.yingzao.training.application.CatalogueService;
import city.yingzao.training.domain.Course;
import city.yingzao.training.domain.Institution;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Tag(name = "Catalogue", description = "Institutions (T1) and courses with versions (T2), managed by trainers and the city operator")
public class CatalogueResource {

    @Inject
    CatalogueService catalogue;

    @POST
    @Path("institutions")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Add a training institution (college, party school, university, social-work base)")
    public Response institution(@Valid @NotNull InstitutionRequest r) {
        Institution i = catalogue.addInstitution(r.code(), r.name(), r.kind());
        return Response.status(Response.Status.CREATED).entity(i).build();
    }

    @POST
    @Path("courses")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Add a course (version 1)")
    public Response course(@Valid @NotNull CourseRequest r) {
        Course c = catalogue.addCourse(r.code(), r.draft());
        return Response.status(Response.Status.CREATED).entity(c).build();
    }

    @POST
    @Path("courses/{code}/versions")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Add a new version of a course; a scheme may require it")
    public Response version(@PathParam("code") String code, @Valid @NotNull VersionRequest r) {
        Course c = catalogue.addVersion(code, r.draft());
        return Response.status(Response.Status.CREATED).entity(c).build();
    }
}
