package city.yingzao.training.domain;

/** T2: general courses 通识课, professional courses 专业课, camps 营 (field, leaders', action-research). */
public enum CourseKind {
    GENERAL, PROFESSIONAL, CAMP
}
