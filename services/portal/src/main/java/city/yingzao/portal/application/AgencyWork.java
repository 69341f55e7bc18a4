package city.yingzao.portal.application;

import city.yingzao.portal.domain.Grants;
import city.yingzao.portal.infrastructure.GrantsClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

/** An agency's grant work: its applications (draft, submit, timeline), its projects, tranches and reports (G6). */
@ApplicationScoped
public class AgencyWork {

    @Inject
    @RestClient
    GrantsClient grants;

    public record Desk(List<Grants.Application> applications, List<Grants.Project> projects, List<Grants.Call> openCalls) {
    }

    public record ProjectFile(Grants.ProjectView view, List<Grants.Report> reports) {
    }

    public Desk desk(String organisation) {
        return new Desk(grants.applications(), grants.projects(organisation), grants.callsByStatus("OPEN"));
    }

    public Grants.Call call(String id) {
        return grants.call(id);
    }

    public Grants.Application draft(String call, Grants.ApplicationRequest request) {
        return grants.draft(call, request);
    }

    public Grants.ApplicationView application(String id) {
        return grants.application(id);
    }

    /** Submits a draft; the service checks eligibility (G2...) and refuses with its reasons. */
    public Grants.Application submit(String id) {
        return grants.submit(id);
    }

    public ProjectFile project(String id) {
        return new ProjectFile(grants.project(id), grants.reports(id));
    }

    public Grants.Report fileReport(String project, Grants.ReportRequest report) {
        return grants.fileReport(project, report);
    }
}
