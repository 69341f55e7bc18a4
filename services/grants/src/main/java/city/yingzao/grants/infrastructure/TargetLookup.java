package city.yingzao.grants.infrastructure;

import city.yingzao.contracts.grants.GrantTarget;
import city.yingzao.grants.domain.Target;
import city.yingzao.kernel.persistence.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * Finds a grant's target in the registry replica's tables (G2, G7): a community by its code, a street
 * or a district by the communities that lie in it.
 */
@ApplicationScoped
public class TargetLookup {

    @Inject
    Jdbc jdbc;

    public Optional<Target> find(GrantTarget kind, String code) {
        String sql = switch (kind) {
            case COMMUNITY -> "select district_code from replica_community where code = ?";
            case STREET -> "select district_code from replica_community where street_code = ? limit 1";
            case DISTRICT -> "select district_code from replica_community where district_code = ? limit 1";
        };
        return jdbc.one(sql, rs -> new Target(kind, code, rs.getString(1), true), code);
    }
}
