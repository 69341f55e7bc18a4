package city.yingzao.training.domain;

/** T1: a college, party school, university or social-work training base. */
public record Institution(String code, String name, InstitutionKind kind) {
}
