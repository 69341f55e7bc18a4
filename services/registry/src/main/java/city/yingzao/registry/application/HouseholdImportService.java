package city.yingzao.registry.application;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.registry.application.Views.ImportResult;
import city.yingzao.registry.domain.Codes;
import city.yingzao.registry.domain.HierarchyPolicy;
import city.yingzao.registry.infrastructure.CommunityEntity;
import city.yingzao.registry.infrastructure.CommunityRepository;
import city.yingzao.registry.infrastructure.CourtyardRepository;
import city.yingzao.registry.infrastructure.HouseholdEntity;
import city.yingzao.registry.infrastructure.HouseholdRepository;
import city.yingzao.registry.infrastructure.ResidentGroupRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * All-or-nothing import of households from CSV ({@code community_code,code,group_code,courtyard_code}).
 * Rows are checked against the file itself and the register with set-based queries, then inserted
 * as JDBC batches, each with its household snapshot in the outbox, in one transaction.
 */
@ApplicationScoped
@Transactional
public class HouseholdImportService {

    static final List<String> COLUMNS = List.of("community_code", "code", "group_code", "courtyard_code");

    @Inject
    CommunityRepository communities;

    @Inject
    ResidentGroupRepository groups;

    @Inject
    CourtyardRepository courtyards;

    @Inject
    HouseholdRepository households;

    @Inject
    SnapshotPublisher publisher;

    @Inject
    Scope scope;

    @Inject
    ImportConfig config;

    private record Candidate(int line, String communityCode, String code, String groupCode, String courtyardCode) {
    }

    public ImportResult importCsv(String body) {
        CsvTable table = CsvTable.parse(body, COLUMNS, config.maxRows());
        RowErrors errors = new RowErrors();
        List<Candidate> candidates = validateFields(table, errors);

        Set<String> communityCodes = candidates.stream().map(Candidate::communityCode).collect(Collectors.toSet());
        Map<String, CommunityEntity> communitiesByCode = communities.byCodes(communityCodes);
        Map<String, Set<String>> groupsByCommunity = groups.codesByCommunity(communitiesByCode.keySet());
        Map<String, Set<String>> courtyardsByCommunity = courtyards.codesByCommunity(communitiesByCode.keySet());
        Map<String, Set<String>> registered = registeredCodes(candidates, communitiesByCode);
        Set<Integer> outOfScope = new TreeSet<>();
        for (Candidate c : candidates) {
            CommunityEntity community = communitiesByCode.get(c.communityCode());
            if (community == null) {
                HierarchyPolicy.parentExists("community", c.communityCode(), false)
                        .ifPresent(r -> errors.add(c.line(), "community_code", r.message()));
                continue;
            }
            if (!scope.inCommunity(community)) {
                outOfScope.add(c.line());
            }
            HierarchyPolicy.groupOfCommunity(c.communityCode(), c.groupCode(), groupsByCommunity.getOrDefault(c.communityCode(), Set.of()))
                    .ifPresent(r -> errors.add(c.line(), "group_code", r.message()));
            if (c.courtyardCode() != null) {
                HierarchyPolicy.courtyardOfCommunity(c.communityCode(), c.courtyardCode(),
                                courtyardsByCommunity.getOrDefault(c.communityCode(), Set.of()))
                        .ifPresent(r -> errors.add(c.line(), "courtyard_code", r.message()));
            }
            if (registered.getOrDefault(c.communityCode(), Set.of()).contains(c.code())) {
                errors.add(c.line(), "code", "household " + c.communityCode() + "/" + c.code() + " already exists");
            }
        }
        if (!outOfScope.isEmpty()) {
            throw Problems.outOfScope("rows " + outOfScope + " are households of communities outside your scope");
        }
        errors.throwIfAny();

        Instant now = publisher.now();
        List<HouseholdEntity> created = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            HouseholdEntity household = new HouseholdEntity();
            household.communityCode = c.communityCode();
            household.code = c.code();
            household.groupCode = c.groupCode();
            household.courtyardCode = c.courtyardCode();
            household.active = true;
            household.revision = 1;
            household.updatedAt = now;
            households.persist(household);
            created.add(household);
        }
        households.flush();
        publisher.householdsChanged(created);
        return new ImportResult(created.size());
    }

    private Map<String, Set<String>> registeredCodes(List<Candidate> candidates, Map<String, CommunityEntity> known) {
        Map<String, List<String>> codesByCommunity = candidates.stream()
                .filter(c -> known.containsKey(c.communityCode()))
                .collect(Collectors.groupingBy(Candidate::communityCode, Collectors.mapping(Candidate::code, Collectors.toList())));
        Map<String, Set<String>> registered = new HashMap<>();
        codesByCommunity.forEach((community, codes) -> registered.put(community, households.existingCodes(community, codes)));
        return registered;
    }

    private static List<Candidate> validateFields(CsvTable table, RowErrors errors) {
        List<Candidate> candidates = new ArrayList<>(table.rows().size());
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            int line = row.line();
            String community = errors.code(row, "community_code", Codes::isCommunityCode, "3 to 32 letters, digits or hyphens");
            String code = errors.code(row, "code");
            String group = errors.code(row, "group_code");
            String courtyard = row.get("courtyard_code");
            if (courtyard != null && !Codes.isCode(courtyard)) {
                errors.add(line, "courtyard_code", "must be 2 to 32 letters, digits or hyphens");
            }
            if (community != null && code != null) {
                Integer first = firstRowOfKey.putIfAbsent(community + ":" + code, line);
                if (first != null) {
                    errors.add(line, "code", "household " + community + "/" + code + " appears twice in the file (rows "
                            + first + " and " + line + ")");
                }
            }
            if (!errors.has(line)) {
                candidates.add(new Candidate(line, community, code, group, courtyard));
            }
        }
        return candidates;
    }
}
