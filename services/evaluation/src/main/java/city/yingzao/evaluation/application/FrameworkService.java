package city.yingzao.evaluation.application;

import city.yingzao.evaluation.domain.Framework;
import city.yingzao.evaluation.domain.FrameworkCsv;
import city.yingzao.evaluation.domain.FrameworkDraft;
import city.yingzao.evaluation.domain.FrameworkValidation;
import city.yingzao.evaluation.infrastructure.FrameworkStore;
import city.yingzao.kernel.problem.Problem;
import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Framework versions (E1): the provisional one shipped as data and stored at start; a new version
 * imported by the city operator as JSON or CSV, validated whole (each problem with its row), never
 * changed once an evaluation used it; exported in both forms.
 */
@ApplicationScoped
public class FrameworkService {

    private static final Pattern ROW = Pattern.compile("row (\\d+)");

    @Inject
    FrameworkStore frameworks;

    @Inject
    Access access;

    /** What an import did. */
    public record ImportResult(String version, boolean replaced, int domains, int indicators) {
    }

    @Transactional
    void seed(@Observes StartupEvent start) {
        frameworks.insertIfAbsent(frameworks.provisionalFromResource(), "system", Instant.now());
    }

    @Transactional
    public List<Views.FrameworkSummary> all() {
        return frameworks.all().stream().map(f -> new Views.FrameworkSummary(f.version(), f.title(), f.provisional(), f.domains(),
                f.indicators(), f.importedAt(), f.importedBy(), f.usedAt())).toList();
    }

    @Transactional
    public Framework get(String version) {
        return frameworks.find(version).orElseThrow(() -> Problems.notFound("framework", version));
    }

    @Transactional
    public String csv(String version) {
        return FrameworkCsv.write(get(version));
    }

    @Transactional
    public ImportResult importCsv(String version, String title, boolean provisional, String csv) {
        FrameworkCsv.Parsed parsed = FrameworkCsv.parse(version, title, csv);
        List<FrameworkValidation.Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(FrameworkValidation.problems(parsed.draft()));
        return store(parsed.draft(), provisional, problems);
    }

    @Transactional
    public ImportResult importDraft(FrameworkDraft draft, boolean provisional) {
        return store(draft, provisional, FrameworkValidation.problems(draft));
    }

    private ImportResult store(FrameworkDraft draft, boolean provisional, List<FrameworkValidation.Problem> problems) {
        if (!problems.isEmpty()) {
            throw Problems.invalidRows((int) problems.stream().map(FrameworkValidation.Problem::where).distinct().count(),
                    problems.stream().map(FrameworkService::error).toList());
        }
        Framework f = draft.toFramework(provisional);
        Instant now = Instant.now();
        boolean replaced = false;
        if (!frameworks.insertIfAbsent(f, access.who(), now)) {
            if (!frameworks.replaceUnused(f, access.who(), now)) {
                throw new RuleViolation(409, List.of(new Rejection("E1", "framework " + f.version()
                        + " was used by an evaluation and can no longer change; import it under a new version")));
            }
            replaced = true;
        }
        return new ImportResult(f.version(), replaced, f.domains().size(), f.indicatorCount());
    }

    private static Problem.FieldError error(FrameworkValidation.Problem p) {
        Matcher m = ROW.matcher(p.where());
        return m.matches() ? Problem.FieldError.atRow(Integer.parseInt(m.group(1)), p.where(), p.message())
                : Problem.FieldError.of(p.where(), p.message());
    }
}
