package city.yingzao.kernel.testapp;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import java.util.Map;

/** Endpoints that exercise the kernel's error handling and caller scope the way services use them. */
@Path("/api/probe")
public class ProbeResource {

    @Inject
    Caller caller;

    @Inject
    jakarta.persistence.EntityManager em;

    public record Registration(@NotBlank @Pattern(regexp = "[A-Za-z0-9-]{3,32}") String code,
                               @NotBlank String name,
                               @Min(0) int households) {
    }

    @POST
    @Path("/registrations")
    @PermitAll
    public Registration register(@Valid Registration registration) {
        return registration;
    }

    @GET
    @Path("/communities/{code}")
    @PermitAll
    public String missing(@PathParam("code") String code) {
        throw Problems.notFound("community", code);
    }

    @POST
    @Path("/meetings/quorum")
    @PermitAll
    public void quorum() {
        throw RuleViolation.of(new Rejection("D6", "19 of 25 members present, 20 needed"));
    }

    @POST
    @Path("/councils")
    @PermitAll
    public void council() {
        throw new RuleViolation(List.of(new Rejection("D1", "18 members, at least 21 needed"),
                new Rejection("D3", "10 of 18 seats held by cadres, at most 9 allowed")));
    }

    @GET
    @Path("/crash")
    @PermitAll
    public void crash() {
        throw new IllegalStateException("secret internal detail");
    }

    @POST
    @Path("/race")
    @PermitAll
    @jakarta.transaction.Transactional
    public void race() {
        // what a lost race on a unique key looks like: the database refuses the second insert
        em.createNativeQuery("insert into race_probe (code) values ('RACE')").executeUpdate();
        em.createNativeQuery("insert into race_probe (code) values ('RACE')").executeUpdate();
    }

    @POST
    @Path("/communities/{code}/groups")
    @RolesAllowed({Roles.CITY_OPERATOR, Roles.COMMUNITY_STAFF})
    public String addGroup(@PathParam("code") @Pattern(regexp = "[0-9A-Za-z-]{1,32}") String code) {
        caller.require(caller.has(Roles.CITY_OPERATOR) || caller.inCommunity(code), "community " + code);
        return "ok";
    }
}
