package city.yingzao.training.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.training.application.TranscriptService;
import city.yingzao.training.application.TranscriptService.Transcript;
import city.yingzao.training.domain.Enrolment;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/learners")
@Tag(name = "Learners", description = "Your enrolments and transcript; operators and the auditor read anyone's")
public class LearnerResource {

    @Inject
    TranscriptService transcripts;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("me/enrolments")
    @Authenticated
    @Operation(summary = "Your enrolments, seats and waitlist places")
    public List<Enrolment> enrolments() {
        return transcripts.myEnrolments();
    }

    @GET
    @Path("me/transcript")
    @Authenticated
    @Operation(summary = "Your completed courses and certificates")
    public Transcript mine() {
        return transcripts.of(identity.getPrincipal().getName());
    }

    @GET
    @Path("{person}/transcript")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.AUDITOR})
    @Operation(summary = "A person's transcript")
    public Transcript of(@PathParam("person") String person) {
        return transcripts.of(person);
    }
}
