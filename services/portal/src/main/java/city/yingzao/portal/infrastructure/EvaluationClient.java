package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Evaluation;
import city.yingzao.portal.domain.Evaluations;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;

/** The evaluation service (quarkus.rest-client.evaluation.url). */
@RegisterRestClient(configKey = "evaluation")
@RegisterClientHeaders(AccessTokenHeaders.class)
@RegisterProvider(ProblemAnswers.class)
@Path("/api")
@Consumes(MediaType.APPLICATION_JSON)
public interface EvaluationClient {

    @GET
    @Path("public/projects/{project}/grades")
    List<Evaluation.PublicGrade> grades(@PathParam("project") String project);

    /** Evaluations the caller may see (an evaluator: their assignments). */
    @GET
    @Path("evaluations")
    List<Evaluation.View> assignments();

    /** The city's released results counted per grade, for the operators' dashboard (city operator and auditor). */
    @GET
    @Path("evaluations/grades")
    Evaluations.GradeCounts gradeCounts();

    @GET
    @Path("evaluations/{id}/sheets/{evaluator}/offline")
    Evaluation.OfflinePackage offline(@PathParam("id") String evaluation, @PathParam("evaluator") String evaluator);

    /** A draft: any levels so far (409 when the sheet changed since its baseRevision). */
    @PUT
    @Path("evaluations/{id}/sheets/{evaluator}")
    Evaluation.Sheet saveDraft(@PathParam("id") String evaluation, @PathParam("evaluator") String evaluator, Map<String, Object> sheet);

    /**
     * The whole sheet, then locked: 201 the first time, 200 with the same sheet when the same clientId comes again
     * (the service's own idempotency), so a retried send never makes a second submission.
     */
    @POST
    @Path("evaluations/{id}/sheets/{evaluator}/submit")
    Response submit(@PathParam("id") String evaluation, @PathParam("evaluator") String evaluator, Map<String, Object> sheet);
}
