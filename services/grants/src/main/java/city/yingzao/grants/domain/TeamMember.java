package city.yingzao.grants.domain;

/** A member of an application's project team as the agency names them. */
public record TeamMember(String name, String role) {
}
