package city.yingzao.grants.api;

import city.yingzao.grants.application.ReviewService;
import city.yingzao.kernel.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/reviewers/me")
@Tag(name = "Pools")
public class ReviewerResource {

    @Inject
    ReviewService reviews;

    @GET
    @Path("assignments")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "My assignments (never one I conflict with) with my review so far")
    public List<ReviewService.AssignmentView> assignments() {
        return reviews.myAssignments();
    }
}
