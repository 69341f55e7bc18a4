package city.yingzao.portal.application;

import city.yingzao.portal.domain.Audit;
import city.yingzao.portal.domain.Grants;
import city.yingzao.portal.infrastructure.GrantsClient;
import city.yingzao.portal.infrastructure.LedgerChecksClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The auditor's checks of the two hash-chained ledgers: finance's community funds and grants' programme budget. */
@ApplicationScoped
public class AuditChecks {

    @Inject
    @RestClient
    LedgerChecksClient finance;

    @Inject
    @RestClient
    GrantsClient grants;

    public Audit.FinanceCheck finance(String community) {
        return finance.verify(community == null || community.isBlank() ? null : community.trim());
    }

    /** The programme budget's chain of that year; {@code null} when the city has no programme that year. */
    public Grants.Verification budget(int year) {
        try {
            return grants.verifyBudget(year);
        } catch (ServiceProblem p) {
            if (p.notFound()) {
                return null;
            }
            throw p;
        }
    }
}
