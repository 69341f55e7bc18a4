package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.Optional;

/**
 * F6: how a fund project ends without being carried out. Withdrawn: the community's staff take it
 * back, before its implementation (step 6) and before anything was paid. Rejected: the council's
 * motion on it failed, and the project has not passed the council resolution step. Either is final.
 */
public enum ProjectEnding {
    WITHDRAWN,
    REJECTED;

    /**
     * @param step            where the project stands
     * @param paidFen         paid so far against it
     * @param motionRejected  whether a council motion on it failed (deliberation.resolutions)
     */
    // F6: a project that spent money, or passed its resolution, is carried through to review and archiving
    public Optional<Rejection> mayEnd(ProjectStep step, long paidFen, boolean motionRejected) {
        if (step == ProjectStep.ARCHIVING) {
            return reject("the project is archived (step 9) and can no longer change");
        }
        if (paidFen > 0) {
            return reject(paidFen + " fen were paid against the project; it goes on through supervision, review and archiving");
        }
        return switch (this) {
            case WITHDRAWN -> step.number() < ProjectStep.IMPLEMENTATION.number() ? Optional.empty()
                    : reject("a project in implementation (step " + step.label() + ") is not withdrawn; it goes on to its review");
            case REJECTED -> {
                if (step.number() >= ProjectStep.COUNCIL_RESOLUTION.number()) {
                    yield reject("the council already adopted a resolution on the project (step " + step.label() + ")");
                }
                yield motionRejected ? Optional.empty()
                        : reject("a project is rejected only after the council's motion on it failed; none has");
            }
        };
    }

    private static Optional<Rejection> reject(String reason) {
        return Optional.of(new Rejection("F6", reason));
    }
}
