package city.yingzao.grants.domain;

/** G5: the four seats of a 1+1+1+1 supervision team. */
public enum SupervisionRole {
    PROJECT_LEAD, UNIVERSITY_EXPERT, SENIOR_SUPERVISOR, SOCIAL_WORKER;

    /** The seats a supervisor fills (everyone but the project's own lead): they need a current certificate. */
    public boolean needsCertificate() {
        return this == SENIOR_SUPERVISOR;
    }
}
