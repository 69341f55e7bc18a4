package city.yingzao.finance.application;

import city.yingzao.finance.domain.Account;
import city.yingzao.finance.domain.Accounts;
import city.yingzao.finance.domain.Community;
import city.yingzao.finance.domain.EntryKind;
import city.yingzao.finance.domain.LedgerEntry;
import city.yingzao.finance.domain.LedgerLine;
import city.yingzao.finance.domain.Money;
import city.yingzao.finance.domain.YearEnd;
import city.yingzao.finance.infrastructure.LedgerStore;
import city.yingzao.finance.infrastructure.PaymentStore;
import city.yingzao.finance.infrastructure.PaymentStore.YearClose;
import city.yingzao.kernel.outbox.Outbox;
import city.yingzao.kernel.problem.RuleViolation;
import city.yingzao.kernel.rules.Rejection;
import city.yingzao.kernel.security.Caller;
import city.yingzao.kernel.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * F1 year-end carry-over 结转: an operator closes a fund year for a community, a district or the city. What is
 * left on each community's dedicated account moves to next year's account by a pair of entries, a closing entry
 * in the old account and an opening entry in the new one, each naming the other as its reference; each year
 * closes once, after it ended in Asia/Shanghai or earlier by the operator's explicit {@code early}. A district or
 * city run is set-based: the accounts are locked, the entries appended, the heads moved and the closes recorded
 * with one statement each. The entries carry the contract kind {@code ALLOCATION} (the v1 contract has no
 * carry-over kind); their memo says "carry-over".
 */
@ApplicationScoped
public class YearEndService {

    @Inject
    Communities communities;

    @Inject
    LedgerStore ledger;

    @Inject
    PaymentStore closes;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /** One community's close. */
    public record CloseView(String communityCode, int fundYear, int toYear, long carriedFen, String closingEntryId,
                            String openingEntryId, boolean early, Instant closedAt) {
    }

    /** A district's or the city's run. */
    public record RunView(String scope, int fundYear, int communities, int closed, int closedBefore, long carriedFen) {
    }

    @Transactional
    public CloseView closeCommunity(String code, int fundYear, boolean early) {
        Community c = communities.require(code);
        caller.require(caller.has(Roles.CITY_OPERATOR)
                || (caller.has(Roles.DISTRICT_OPERATOR) && c.districtCode() != null && caller.inDistrict(c.districtCode())),
                "community " + code);
        Rules.enforce(YearEnd.due(fundYear, Instant.now(), early));
        List<CloseView> done = close(List.of(code), fundYear, early);
        if (done.isEmpty()) {
            throw new RuleViolation(409, List.of(YearEnd.once(code, fundYear, true).orElseThrow()));
        }
        return done.get(0);
    }

    /** The run for a district (a district operator's own, or any for the city operator) or, district null, the city. */
    @Transactional
    public RunView closeRun(String district, int fundYear, boolean early) {
        if (district == null) {
            caller.require(caller.has(Roles.CITY_OPERATOR), "the city");
        } else {
            caller.require(caller.has(Roles.CITY_OPERATOR) || (caller.has(Roles.DISTRICT_OPERATOR) && caller.inDistrict(district)),
                    "district " + district);
        }
        Rules.enforce(YearEnd.due(fundYear, Instant.now(), early));
        List<String> codes = (district == null ? communities.all() : communities.ofDistrict(district)).stream()
                .map(Community::code).toList();
        List<CloseView> done = close(codes, fundYear, early);
        return new RunView(district == null ? "city" : "district " + district, fundYear, codes.size(), done.size(),
                codes.size() - done.size(), done.stream().mapToLong(CloseView::carriedFen).sum());
    }

    /** Closes those of the communities whose year is still open; returns what it closed. */
    private List<CloseView> close(List<String> codes, int fundYear, boolean early) {
        Instant now = Instant.now();
        Map<String, String> oldCodes = new HashMap<>();
        Map<String, String> newCodes = new HashMap<>();
        for (String c : codes) {
            oldCodes.put(c, Accounts.communityFund(c, fundYear));
            newCodes.put(c, Accounts.communityFund(c, fundYear + 1));
        }
        List<String> all = new ArrayList<>(oldCodes.values());
        all.addAll(newCodes.values());
        // the old and new accounts locked (in code order) before the closed years are read: a payment, a reversal
        // or another close of the same account waits, then sees the year closed
        Map<String, Account> locked = ledger.lockAll(all);
        Set<String> closedBefore = closes.closedOf(codes, fundYear);
        List<LedgerEntry> entries = new ArrayList<>();
        List<Account> opened = new ArrayList<>();
        Map<String, Account> moved = new HashMap<>();
        List<YearClose> made = new ArrayList<>();
        for (String c : codes) {
            if (closedBefore.contains(c)) {
                continue;
            }
            Account old = locked.get(oldCodes.get(c));
            Money carried = old == null ? Money.ZERO : old.balance();
            if (!carried.isPositive()) {
                made.add(new YearClose(c, fundYear, 0, null, null, early, now));
                continue;
            }
            String closingId = UUID.randomUUID().toString();
            String openingId = UUID.randomUUID().toString();
            String to = newCodes.get(c);
            List<LedgerLine> lines = List.of(LedgerLine.debit(to, carried), LedgerLine.credit(old.code(), carried));
            LedgerEntry closing = LedgerEntry.chain(closingId, old.code(), c, fundYear, old.lastSequence() + 1,
                    EntryKind.ALLOCATION, openingId, "carry-over: closing of fund year " + fundYear + ", " + carried
                            + " carried to " + to + " (opening entry " + openingId + ")" + (early ? ", closed early" : ""),
                    now, lines, old.lastHash());
            moved.put(old.code(), old.after(closing));
            Account next = locked.get(to);
            boolean fresh = next == null;
            if (fresh) {
                next = new Account(to, c, fundYear + 1, Account.Kind.FUND, Money.ZERO, 0, null);
            }
            LedgerEntry opening = LedgerEntry.chain(openingId, to, c, fundYear + 1, next.lastSequence() + 1,
                    EntryKind.ALLOCATION, closingId, "carry-over: opening of fund year " + (fundYear + 1) + ", " + carried
                            + " carried from " + old.code() + " (closing entry " + closingId + ")", now, lines, next.lastHash());
            if (fresh) {
                opened.add(next.after(opening));
            } else {
                moved.put(to, next.after(opening));
            }
            entries.add(closing);
            entries.add(opening);
            made.add(new YearClose(c, fundYear, carried.fen(), closingId, openingId, early, now));
        }
        ledger.open(opened);
        ledger.append(entries);
        ledger.saveHeads(moved.values());
        int recorded = closes.recordCloses(made, caller.name());
        if (recorded != made.size()) {
            // a close without an account to lock raced another close of the same year: refuse rather than double
            throw new RuleViolation(409, List.of(new Rejection("F1", "fund year " + fundYear
                    + " was closed by another run at the same time; nothing was carried, try again")));
        }
        outbox.appendAll(entries.stream().map(Events::entryPosted).toList());
        return made.stream().map(y -> new CloseView(y.communityCode(), fundYear, fundYear + 1, y.carriedFen(),
                y.closingEntryId(), y.openingEntryId(), early, now)).toList();
    }
}
