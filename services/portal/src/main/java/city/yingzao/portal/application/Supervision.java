package city.yingzao.portal.application;

import city.yingzao.portal.domain.Grants;
import city.yingzao.portal.infrastructure.GrantsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** A supervisor's grant projects and their supervision logs. */
@ApplicationScoped
public class Supervision {

    @Inject
    @RestClient
    GrantsClient grants;

    public record ProjectLogs(Grants.ProjectView view, List<Grants.SupervisionLog> logs, List<Grants.Report> reports) {
    }

    public List<Grants.Project> projects() {
        return grants.projects(null);
    }

    public ProjectLogs project(String id) {
        return new ProjectLogs(grants.project(id), grants.logs(id), grants.reports(id));
    }

    public Grants.SupervisionLog log(String project, Grants.LogRequest log) {
        return grants.log(project, log);
    }
}
