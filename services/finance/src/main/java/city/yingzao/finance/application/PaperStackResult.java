package city.yingzao.finance.application;

import java.util.List;

/**
 * What became of a stack of paper ballots (F7): how many were recorded and refused, and the answer
 * for every line in the order of the stack, so the staff member can set the refused ballots aside
 * with the reason written on them.
 */
public record PaperStackResult(int accepted, int refused, List<PaperLineResult> ballots) {

    static PaperStackResult of(List<PaperLineResult> lines) {
        int accepted = (int) lines.stream().filter(PaperLineResult::accepted).count();
        return new PaperStackResult(accepted, lines.size() - accepted, lines);
    }
}
