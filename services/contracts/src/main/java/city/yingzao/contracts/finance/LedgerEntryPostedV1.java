package city.yingzao.contracts.finance;

import city.yingzao.contracts.IntegrationEvent;

import java.time.Instant;
import java.util.List;

/**
 * One balanced, immutable double-entry ledger entry (F1, F8, F9). Published on
 * {@code finance.ledger}, key = community code. Entries of an account are hash-chained: each
 * carries the hash of the account's previous entry, so a reader can recompute the chain.
 *
 * @param entryId       id of the entry
 * @param communityCode the community whose dedicated account it moves
 * @param fundYear      fund year of the account
 * @param kind          {@code ALLOCATION}, {@code DONATION}, {@code PROJECT_PAYMENT} or {@code MICROFUND_GRANT}
 * @param reference     what caused it (allocation, project, donation or grant id)
 * @param memo          description for the public ledger, without personal data (F8)
 * @param lines         debit and credit lines; debits equal credits
 * @param sequence      position of the entry in its account's chain, from 1
 * @param previousHash  hash of the previous entry of the account, or null for the first
 * @param hash          SHA-256 (hex) of this entry's content and {@code previousHash}
 * @param postedAt      when it was posted
 */
public record LedgerEntryPostedV1(
        String entryId,
        String communityCode,
        int fundYear,
        String kind,
        String reference,
        String memo,
        List<Line> lines,
        long sequence,
        String previousHash,
        String hash,
        Instant postedAt) implements IntegrationEvent {

    public LedgerEntryPostedV1 {
        lines = List.copyOf(lines);
    }

    /** One side of an entry: exactly one of debit and credit is positive, the other zero. */
    public record Line(String account, long debitFen, long creditFen) {
    }
}
