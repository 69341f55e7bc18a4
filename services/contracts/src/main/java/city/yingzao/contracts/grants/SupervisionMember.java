package city.yingzao.contracts.grants;

/**
 * One seat of a project's 1+1+1+1 supervision team (G5).
 *
 * @param role     {@code PROJECT_LEAD}, {@code UNIVERSITY_EXPERT}, {@code SENIOR_SUPERVISOR} or {@code SOCIAL_WORKER}
 * @param personId the person in the seat (Keycloak user name)
 */
public record SupervisionMember(String role, String personId) {
}
