package city.yingzao.training.domain;

/** A person as certificates name them: the Keycloak user name, the display name, the organisation or null. */
public record Learner(String personId, String displayName, String organisation) {
}
