package city.yingzao.finance.application;

import city.yingzao.finance.domain.Account;
import city.yingzao.finance.domain.Accounts;
import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.DonorType;
import city.yingzao.finance.domain.EntryKind;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.LedgerLine;
import city.yingzao.finance.domain.MicroFundPolicy;
import city.yingzao.finance.domain.Money;
import city.yingzao.finance.infrastructure.MicroFundStore;
import city.yingzao.kernel.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Community micro-funds 社区公益微基金 (F9): donations in, grants out to organisations, on the same
 * ledger as the dedicated accounts (balanced, chained, never negative). The donor's name is kept
 * apart; the public ledger says only the donor's type and the purpose (F8).
 */
@ApplicationScoped
public class MicroFundService {

    @Inject
    Communities communities;

    @Inject
    Access access;

    @Inject
    LedgerService ledger;

    @Inject
    MicroFundStore store;

    /** The movement recorded, with its ledger entry. */
    public record MovementView(String id, String communityCode, int fundYear, long amountFen, String entryId, long sequence,
                               String hash, long balanceFen) {
    }

    @Transactional
    public MovementView donate(String communityCode, int fundYear, String donorType, String donorName, long amountFen,
            String purpose) {
        Community community = communities.require(communityCode);
        access.requireStaffOf(community);
        FundPolicyService.checkYear(fundYear);
        DonorType type = ProjectService.parse("donorType", donorType, DonorType.class);
        Rules.enforce(MicroFundPolicy.checkDonation(Money.fen(amountFen)));
        String account = Accounts.microFund(community.code(), fundYear);
        String id = UUID.randomUUID().toString();
        LedgerEntry entry = ledger.post(new LedgerService.Draft(Account.Kind.MICROFUND, account, community.code(), fundYear,
                EntryKind.DONATION, id, MicroFundPolicy.publicMemo(type, text("purpose", purpose)),
                List.of(LedgerLine.debit(account, Money.fen(amountFen)), LedgerLine.credit(Accounts.donors(type), Money.fen(amountFen)))));
        store.recordDonation(id, community.code(), fundYear, type, donorName == null ? "" : donorName.trim(), amountFen,
                purpose.trim(), entry.id(), access.who(), Instant.now());
        return new MovementView(id, community.code(), fundYear, amountFen, entry.id(), entry.sequence(), entry.hash(),
                ledger.balance(account).fen());
    }

    @Transactional
    public MovementView grant(String communityCode, int fundYear, String orgCode, long amountFen, String purpose) {
        Community community = communities.require(communityCode);
        access.requireStaffOf(community);
        FundPolicyService.checkYear(fundYear);
        String account = Accounts.microFund(community.code(), fundYear);
        Rules.enforce(MicroFundPolicy.checkGrant(orgCode, Money.fen(amountFen), account, ledger.balance(account)));
        String id = UUID.randomUUID().toString();
        LedgerEntry entry = ledger.post(new LedgerService.Draft(Account.Kind.MICROFUND, account, community.code(), fundYear,
                EntryKind.MICROFUND_GRANT, id, "grant to organisation " + orgCode.trim() + ": " + text("purpose", purpose),
                List.of(LedgerLine.debit(Accounts.grantee(orgCode.trim()), Money.fen(amountFen)),
                        LedgerLine.credit(account, Money.fen(amountFen)))));
        store.recordGrant(id, community.code(), fundYear, orgCode.trim(), amountFen, purpose.trim(), entry.id(), access.who(),
                Instant.now());
        return new MovementView(id, community.code(), fundYear, amountFen, entry.id(), entry.sequence(), entry.hash(),
                ledger.balance(account).fen());
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        return value.trim();
    }
}
