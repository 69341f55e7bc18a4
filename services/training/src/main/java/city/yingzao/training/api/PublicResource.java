package city.yingzao.training.api;

import city.yingzao.training.application.CatalogueService;
import city.yingzao.training.application.CertificationService;
import city.yingzao.training.application.CertificationService.Verification;
import city.yingzao.training.application.CredentialService;
import city.yingzao.training.application.MapService;
import city.yingzao.training.application.MapService.Page;
import city.yingzao.training.application.MapService.ProfileView;
import city.yingzao.training.application.SessionService;
import city.yingzao.training.domain.CertificationScheme;
import city.yingzao.training.domain.Course;
import city.yingzao.training.domain.Institution;
import city.yingzao.training.domain.StudyTour;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the public reads: the catalogue, open sessions, schemes, certificate verification and the map. No personal data. */
@Path("/api/public")
@PermitAll
@Tag(name = "Public", description = "Catalogue, verification and the community-building map, for everyone")
public class PublicResource {

    @Inject
    CatalogueService catalogue;

    @Inject
    SessionService sessions;

    @Inject
    CertificationService certification;

    @Inject
    CredentialService credentials;

    @Inject
    MapService map;

    /** An open session as the public sees it: no roster. */
    public record OpenSession(String id, String courseCode, int courseVersion, String title, String place, String onlineLink,
                              int capacity, Instant firstMeeting, int meetings) {
    }

    @GET
    @Path("institutions")
    @Operation(summary = "The training institutions (T1)")
    public List<Institution> institutions() {
        return catalogue.institutions();
    }

    @GET
    @Path("courses")
    @Operation(summary = "The catalogue: the latest version of every course (T2)")
    public List<Course> courses() {
        return catalogue.courses();
    }

    @GET
    @Path("courses/{code}")
    @Operation(summary = "Every version of a course")
    public List<Course> course(@PathParam("code") String code) {
        return catalogue.versions(code);
    }

    @GET
    @Path("sessions")
    @Operation(summary = "Sessions open to enrolment")
    public List<OpenSession> openSessions() {
        return sessions.open().stream().map(s -> new OpenSession(s.id(), s.courseCode(), s.courseVersion(), s.title(), s.place(),
                s.onlineLink(), s.capacity(), s.meetings().isEmpty() ? null : s.meetings().get(0).startsAt(), s.meetings().size())).toList();
    }

    @GET
    @Path("schemes")
    @Operation(summary = "Certification schemes and their required courses (T3)")
    public List<CertificationScheme> schemes() {
        return catalogue.schemes();
    }

    @GET
    @Path("certificates/keys")
    @Operation(summary = "The public keys (JWK set) that verify exported credentials offline")
    public Map<String, Object> keys() {
        return credentials.keys();
    }

    @GET
    @Path("certificates/{code}")
    @Operation(summary = "Verify a certificate: VALID, EXPIRED, SUSPENDED or REVOKED, with the holder's display name and scheme only")
    public Verification verify(@PathParam("code") String code) {
        return certification.verify(code);
    }

    @GET
    @Path("map/communities")
    @Operation(summary = "The map's community profiles, a page at a time (community-code order)")
    public Page profiles(@QueryParam("district") @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String district,
                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100000) int page,
                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return map.page(district, page, size);
    }

    @GET
    @Path("map/communities/{code}")
    @Operation(summary = "A community's profile with its outcomes")
    public ProfileView profile(@PathParam("code") String code) {
        return map.profile(code);
    }

    @GET
    @Path("map/geojson")
    @Produces({"application/geo+json", "application/json"})
    @Operation(summary = "Profiles with coordinates as a GeoJSON FeatureCollection (points from the profile's own coordinates)")
    public Map<String, Object> geoJson() {
        return map.geoJson();
    }

    @GET
    @Path("map/tours")
    @Operation(summary = "Study-tour routes")
    public List<StudyTour> tours() {
        return map.tours();
    }
}
