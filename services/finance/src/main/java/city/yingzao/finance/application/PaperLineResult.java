package city.yingzao.finance.application;

import city.yingzao.kernel.problem.Problem;
import city.yingzao.kernel.problem.ProblemException;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/**
 * The answer for one line of a stack of paper ballots: recorded, or refused with the same problem
 * details the single paper-ballot endpoint would have answered (F7 "household H0001 already voted
 * (online) in this round", not an active household, not a candidate, round closed...).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaperLineResult(int index, String householdCode, boolean accepted, Instant recordedAt, Problem problem) {

    private static final Logger LOG = Logger.getLogger(PaperLineResult.class);

    static PaperLineResult accepted(int index, String householdCode, Instant recordedAt) {
        return new PaperLineResult(index, householdCode, true, recordedAt, null);
    }

    static PaperLineResult refused(int index, String householdCode, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ProblemException problem) {
            return new PaperLineResult(index, householdCode, false, null, problem.toProblem(null));
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(cause, "paper ballot %d of a stack failed unexpectedly, reference %s", index, reference);
        return new PaperLineResult(index, householdCode, false, null, new Problem(Problem.TYPE_PREFIX + "internal",
                "Something went wrong on our side", 500, "reference " + reference, null, List.of(), List.of()));
    }
}
