package city.yingzao.finance.domain;

/** F6: the nine steps of a fund-use project, in order. */
public enum ProjectStep {
    /** (1) 宣传动员 */
    PUBLICITY_AND_MOBILISATION,
    /** (2) 一户一票 opinion collection */
    HOUSEHOLD_VOTE,
    /** (3) 梳理讨论 by courtyard organisations */
    SORTING_AND_DISCUSSION,
    /** (4) 决议公示 */
    COUNCIL_RESOLUTION,
    /** (5) 项目听证 */
    HEARING,
    /** (6) 组织实施 */
    IMPLEMENTATION,
    /** (7) 监督 */
    SUPERVISION,
    /** (8) 评议完善 */
    REVIEW,
    /** (9) 档案归集 */
    ARCHIVING;

    /** 1 to 9. */
    public int number() {
        return ordinal() + 1;
    }

    public static ProjectStep number(int number) {
        if (number < 1 || number > 9) {
            throw new IllegalArgumentException("steps are numbered 1 to 9, not " + number);
        }
        return values()[number - 1];
    }

    public String label() {
        return number() + " " + name();
    }
}
