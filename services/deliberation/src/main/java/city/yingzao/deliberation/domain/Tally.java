package city.yingzao.deliberation.domain;

import java.util.Collection;

/**
 * D8: the count of a closed ballot box: choices only, and how many credentials were taken but not
 * used (uncast = issued − cast). Who voted which way is not known to anyone, this class included.
 */
public record Tally(int yes, int no, int abstain, int issued, int uncast) {

    public static Tally of(Collection<Choice> choices, int issued) {
        int yes = (int) choices.stream().filter(c -> c == Choice.YES).count();
        int no = (int) choices.stream().filter(c -> c == Choice.NO).count();
        int abstain = choices.size() - yes - no;
        return new Tally(yes, no, abstain, issued, issued - choices.size());
    }

    public int cast() {
        return yes + no + abstain;
    }
}
