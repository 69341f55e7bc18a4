package city.yingzao.training.api;

import city.yingzao.kernel.rules.Rejection;
import city.yingzao.kernel.security.Roles;
import city.yingzao.training.api.Requests.AssessmentRequest;
import city.yingzao.training.api.Requests.EvidenceGrantRequest;
import city.yingzao.training.api.Requests.ReasonRequest;
import city.yingzao.training.application.CertificationService;
import city.yingzao.training.application.CertificationService.CertificateView;
import city.yingzao.training.application.CredentialService;
import city.yingzao.training.application.ExpiryJob;
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

import java.util.List;
import java.util.Map;

@Path("/api")
@Tag(name = "Certificates", description = "Assessments, automatic grants, grants on evidence, suspension, revocation, expiry, signed export (T3)")
public class CertificateResource {

    @Inject
    CertificationService certification;

    @Inject
    CredentialService credentials;

    @Inject
    ExpiryJob expiry;

    /** What an assessment led to: certified, or what is still missing. */
    public record AssessmentResult(boolean certified, List<Rejection> missing) {
    }

    @POST
    @Path("schemes/{scheme}/assessments")
    @RolesAllowed({Roles.TRAINER, Roles.CITY_OPERATOR})
    @Operation(summary = "Record a scheme's assessment of a person; certifies at once when every requirement is met")
    public Response assess(@PathParam("scheme") String scheme, @Valid @NotNull AssessmentRequest r) {
        List<Rejection> missing = certification.assess(scheme, r.personId(), r.displayName(), r.organisation(), r.score());
        return Response.status(Response.Status.CREATED).entity(new AssessmentResult(missing.isEmpty(), missing)).build();
    }

    @POST
    @Path("schemes/{scheme}/grants")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Grant on evidence (a certificate earned before the platform); audited in the certificate's history")
    public Response grant(@PathParam("scheme") String scheme, @Valid @NotNull EvidenceGrantRequest r) {
        CertificateView v = certification.grantOnEvidence(scheme, r.personId(), r.holderName(), r.holderOrganisation(), r.evidence(),
                r.validFrom());
        return Response.status(Response.Status.CREATED).entity(v).build();
    }

    @GET
    @Path("certificates/{code}")
    @Authenticated
    @Operation(summary = "A certificate with its history: its holder, a city operator or the auditor")
    public CertificateView one(@PathParam("code") String code) {
        return certification.detail(code);
    }

    @GET
    @Path("certificates/{code}/credential")
    @Authenticated
    @Operation(summary = "The certificate as a signed Open Badges 3.0 / W3C Verifiable Credential (eddsa-jcs-2022)")
    public Map<String, Object> credential(@PathParam("code") String code) {
        return credentials.export(code);
    }

    @POST
    @Path("certificates/{code}/suspend")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Suspend a valid certificate, with a reason")
    public CertificateView suspend(@PathParam("code") String code, @Valid @NotNull ReasonRequest r) {
        return certification.suspend(code, r.reason());
    }

    @POST
    @Path("certificates/{code}/reinstate")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Reinstate a suspended certificate")
    public CertificateView reinstate(@PathParam("code") String code, @Valid @NotNull ReasonRequest r) {
        return certification.reinstate(code, r.reason());
    }

    @POST
    @Path("certificates/{code}/revoke")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Revoke a certificate, with a reason; final")
    public CertificateView revoke(@PathParam("code") String code, @Valid @NotNull ReasonRequest r) {
        return certification.revoke(code, r.reason());
    }

    @POST
    @Path("certificates/expiry-runs")
    @RolesAllowed(Roles.CITY_OPERATOR)
    @Operation(summary = "Run the expiry job now (it also runs on its schedule on every replica)")
    public Map<String, Integer> runExpiry() {
        return Map.of("expired", expiry.run());
    }
}
