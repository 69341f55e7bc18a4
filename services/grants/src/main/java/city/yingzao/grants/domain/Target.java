package city.yingzao.grants.domain;

import city.yingzao.contracts.grants.GrantTarget;

/**
 * What an application is for, as the registry knows it: a community (G1), or a street or district for a
 * platform call (G7), with the district it lies in. {@code exists} is false for a code the registry does not know.
 */
public record Target(GrantTarget kind, String code, String districtCode, boolean exists) {

    public static Target unknown(GrantTarget kind, String code) {
        return new Target(kind, code, null, false);
    }
}
