package city.yingzao.finance.domain;

/** How a household's ballot reached the round (F7): cast online by a resident, or entered from paper by staff. */
public enum BallotChannel {
    ONLINE, PAPER;

    public String label() {
        return name().toLowerCase();
    }
}
