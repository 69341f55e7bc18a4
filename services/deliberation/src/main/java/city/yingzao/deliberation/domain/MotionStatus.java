package city.yingzao.deliberation.domain;

/** Where a motion 动议 or amendment 修正案 stands: debated, being voted on, or decided. */
public enum MotionStatus {
    DEBATE,
    VOTING,
    PASSED,
    FAILED;

    public boolean pending() {
        return this == DEBATE || this == VOTING;
    }
}
