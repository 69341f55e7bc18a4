package city.yingzao.portal.application;

import city.yingzao.portal.domain.Evaluation;
import city.yingzao.portal.domain.Grants;
import city.yingzao.portal.domain.Training;
import city.yingzao.portal.infrastructure.EvaluationClient;
import city.yingzao.portal.infrastructure.GrantsClient;
import city.yingzao.portal.infrastructure.TrainingClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What anyone may see of grants, evaluations, certificates and the map: the services' public endpoints only. */
@ApplicationScoped
public class PublicWork {

    public static final int MAP_PAGE_SIZE = 100;

    @Inject
    @RestClient
    GrantsClient grants;

    @Inject
    @RestClient
    EvaluationClient evaluation;

    @Inject
    @RestClient
    TrainingClient training;

    public record GrantsDisclosure(List<Grants.Call> calls, Grants.Awards awards) {
    }

    /** A point of the map: a community with its place, and the study tours passing it. */
    public record MapData(List<Training.Profile> communities, List<Tour> tours, Map<String, Object> geojson) {
    }

    /** A study tour with its stops named and placed, in order. */
    public record Tour(String id, String title, String theme, List<Training.Profile> stops) {

        /** The stops in order, by name, for the table beside the map. */
        public String route() {
            return String.join(" → ", stops.stream().map(Training.Profile::name).toList());
        }
    }

    public GrantsDisclosure grants() {
        return new GrantsDisclosure(grants.calls(), grants.awards(null, null));
    }

    /** Every awarded project with its released grades (a project without any yet is left out). */
    public List<Evaluation.ProjectGrades> grades() {
        List<Evaluation.ProjectGrades> out = new ArrayList<>();
        for (Grants.Award award : grants.awards(null, null).lines()) {
            List<Evaluation.PublicGrade> g = evaluation.grades(award.projectId());
            if (g != null && !g.isEmpty()) {
                out.add(new Evaluation.ProjectGrades(award.projectId(), award.title(), award.organisationName(), g));
            }
        }
        return out;
    }

    /** The public check of a certificate code; {@code null} when no certificate has that code. */
    public Training.Verification certificate(String code) {
        try {
            return training.verify(code);
        } catch (ServiceProblem p) {
            if (p.notFound()) {
                return null;
            }
            throw p;
        }
    }

    public MapData map() {
        List<Training.Profile> communities = training.mapCommunities(null, 0, MAP_PAGE_SIZE).items();
        Map<String, Training.Profile> byCode = new LinkedHashMap<>();
        communities.forEach(c -> byCode.put(c.communityCode(), c));
        List<Tour> tours = training.tours().stream().map(t -> new Tour(t.id(), t.title(), t.theme(),
                t.communities() == null ? List.of() : t.communities().stream().map(byCode::get).filter(java.util.Objects::nonNull).toList()))
                .toList();
        return new MapData(communities, tours, training.geojson());
    }
}
