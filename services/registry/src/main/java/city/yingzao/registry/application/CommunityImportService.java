package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.registry.application.Views.ImportResult;
import city.yingzao.registry.domain.Codes;
import city.yingzao.registry.domain.CommunityKind;
import city.yingzao.registry.domain.HierarchyPolicy;
import city.yingzao.registry.domain.StagePolicy;
import city.yingzao.registry.infrastructure.CommunityEntity;
import city.yingzao.registry.infrastructure.CommunityRepository;
import city.yingzao.registry.infrastructure.DistrictEntity;
import city.yingzao.registry.infrastructure.DistrictRepository;
import city.yingzao.registry.infrastructure.StreetEntity;
import city.yingzao.registry.infrastructure.StreetRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * All-or-nothing import of communities from CSV ({@code code,name,kind,street_code,
 * registered_households,stage}). Every row is checked first, with a handful of set-based queries
 * (never one per row); then all communities are inserted as JDBC batches and one snapshot per
 * community goes to the outbox, all in one transaction.
 */
@ApplicationScoped
@Transactional
public class CommunityImportService {

    private static final Logger LOG = Logger.getLogger(CommunityImportService.class);
    static final List<String> COLUMNS = List.of("code", "name", "kind", "street_code", "registered_households", "stage");

    @Inject
    CommunityRepository communities;

    @Inject
    StreetRepository streets;

    @Inject
    DistrictRepository districts;

    @Inject
    SnapshotPublisher publisher;

    @Inject
    Scope scope;

    @Inject
    ImportConfig config;

    private record Candidate(int line, String code, String name, CommunityKind kind, String streetCode,
            int registeredHouseholds, int stage) {
    }

    public ImportResult importCsv(String body) {
        long started = System.nanoTime();
        CsvTable table = CsvTable.parse(body, COLUMNS, config.maxRows());
        RowErrors errors = new RowErrors();
        List<Candidate> candidates = validateFields(table, errors);

        Map<String, StreetEntity> streetsByCode = streets.byCodes(candidates.stream().map(Candidate::streetCode).collect(Collectors.toSet()));
        Set<String> registered = communities.existingCodes(candidates.stream().map(Candidate::code).toList());
        Set<Integer> outOfScope = new TreeSet<>();
        for (Candidate c : candidates) {
            StreetEntity street = streetsByCode.get(c.streetCode());
            HierarchyPolicy.parentExists("street", c.streetCode(), street != null)
                    .ifPresent(r -> errors.add(c.line(), "street_code", r.message()));
            if (street != null && !scope.inDistrict(street.districtCode)) {
                outOfScope.add(c.line());
            }
            if (registered.contains(c.code())) {
                errors.add(c.line(), "code", "community " + c.code() + " already exists");
            }
        }
        if (!outOfScope.isEmpty()) {
            throw Problems.outOfScope("rows " + outOfScope + " are communities outside your district");
        }
        errors.throwIfAny();

        Map<String, DistrictEntity> districtsByCode = districts.byCodes(
                streetsByCode.values().stream().map(s -> s.districtCode).collect(Collectors.toSet()));
        Instant now = publisher.now();
        List<CommunityEntity> created = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            CommunityEntity community = new CommunityEntity();
            community.code = c.code();
            community.name = c.name();
            community.kind = c.kind();
            community.streetCode = c.streetCode();
            community.districtCode = streetsByCode.get(c.streetCode()).districtCode;
            community.registeredHouseholds = c.registeredHouseholds();
            community.stage = c.stage();
            community.revision = 1;
            community.updatedAt = now;
            communities.persist(community);
            created.add(community);
        }
        long validated = System.nanoTime();
        communities.flush();
        long stored = System.nanoTime();
        publisher.communitiesCreated(created, c -> districtsByCode.get(c.districtCode).tier);
        LOG.infof("imported %d communities: validated in %d ms, stored in %d ms, snapshots to the outbox in %d ms",
                created.size(), millis(started, validated), millis(validated, stored), millis(stored, System.nanoTime()));
        return new ImportResult(created.size());
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static List<Candidate> validateFields(CsvTable table, RowErrors errors) {
        List<Candidate> candidates = new ArrayList<>(table.rows().size());
        Map<String, Integer> firstRowOfCode = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int line = row.line();
            String code = errors.code(row, "code", Codes::isCommunityCode, "3 to 32 letters, digits or hyphens");
            String name = errors.name(row, "name");
            CommunityKind kind = kind(row, errors);
            String streetCode = errors.code(row, "street_code");
            Integer households = errors.integer(row, "registered_households");
            if (households != null && households < 0) {
                errors.add(line, "registered_households", "must be 0 or more");
            }
            Integer stage = errors.integer(row, "stage");
            if (stage != null) {
                StagePolicy.check(stage).ifPresent(r -> errors.add(line, "stage", r.message()));
            }
            if (code != null) {
                Integer first = firstRowOfCode.putIfAbsent(code, line);
                if (first != null) {
                    errors.add(line, "code", "community " + code + " appears twice in the file (rows " + first + " and " + line + ")");
                }
            }
            if (!errors.has(line)) {
                candidates.add(new Candidate(line, code, name, kind, streetCode, households, stage));
            }
        }
        return candidates;
    }

    private static CommunityKind kind(CsvTable.Row row, RowErrors errors) {
        String value = row.get("kind");
        if (value != null) {
            try {
                return CommunityKind.valueOf(value);
            } catch (IllegalArgumentException notAKind) {
                // reported below, with the values that are allowed
            }
        }
        errors.add(row.line(), "kind", value == null ? "is required" : "must be URBAN or RURAL, not " + value);
        return null;
    }
}
