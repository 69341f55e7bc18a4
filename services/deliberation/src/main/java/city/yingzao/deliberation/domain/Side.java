package city.yingzao.deliberation.domain;

/** The side a speaker takes on the question: for 赞成 or against 反对. */
public enum Side {
    FOR,
    AGAINST;

    public Side other() {
        return this == FOR ? AGAINST : FOR;
    }
}
