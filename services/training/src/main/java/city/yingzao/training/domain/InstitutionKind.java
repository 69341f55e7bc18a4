package city.yingzao.training.domain;

/** T1: the three colleges and the partners that train with them. */
public enum InstitutionKind {
    COLLEGE, PARTY_SCHOOL, UNIVERSITY, SOCIAL_WORK_BASE
}
