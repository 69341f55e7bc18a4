package city.yingzao.kernel.security;

import city.yingzao.kernel.problem.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, with the scope claims of their token: {@code community} (one or more community
 * codes), {@code district}, {@code org} and {@code household}. Application services ask it before
 * every write; a caller with the role but outside the scope gets 403 {@code out-of-scope}.
 */
@RequestScoped
public class Caller {

    public static final String COMMUNITY_CLAIM = "community";
    public static final String DISTRICT_CLAIM = "district";
    public static final String ORG_CLAIM = "org";
    public static final String HOUSEHOLD_CLAIM = "household";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** The caller's roles, sorted (none when anonymous). */
    public java.util.List<String> roles() {
        return identity.getRoles().stream().sorted().toList();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAny(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> communities() {
        return claimValues(COMMUNITY_CLAIM);
    }

    public Optional<String> district() {
        return claimValues(DISTRICT_CLAIM).stream().findFirst();
    }

    public Optional<String> org() {
        return claimValues(ORG_CLAIM).stream().findFirst();
    }

    public Optional<String> household() {
        return claimValues(HOUSEHOLD_CLAIM).stream().findFirst();
    }

    public boolean inCommunity(String communityCode) {
        return communities().contains(communityCode);
    }

    public boolean inDistrict(String districtCode) {
        return district().map(d -> d.equals(districtCode)).orElse(false);
    }

    /** Refuses with 403 {@code out-of-scope} unless {@code allowed}; {@code what} says what was out of reach. */
    public void require(boolean allowed, String what) {
        if (!allowed) {
            throw Problems.outOfScope(name() + " may not act on " + what);
        }
    }

    private Set<String> claimValues(String claim) {
        if (identity.isAnonymous() || token == null || token.getRawToken() == null) {
            return Set.of();
        }
        Object value = token.getClaim(claim);
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> add(values, v));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> add(values, v));
        } else if (value != null) {
            add(values, value);
        }
        return Set.copyOf(values);
    }

    private static void add(Set<String> values, Object v) {
        String text = v instanceof JsonString s ? s.getString()
                : v instanceof JsonValue j ? j.toString().replace("\"", "")
                : v.toString();
        if (!text.isBlank()) {
            values.add(text.trim());
        }
    }
}
