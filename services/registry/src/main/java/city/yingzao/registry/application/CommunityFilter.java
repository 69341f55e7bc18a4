package city.yingzao.registry.application;

import city.yingzao.registry.domain.CommunityKind;

/**
 * What a community list is narrowed to; null means "any".
 *
 * @param text code prefix or part of the name
 */
public record CommunityFilter(String district, String street, CommunityKind kind, Integer stage, String text) {

    public static CommunityFilter ofDistrict(String district) {
        return new CommunityFilter(district, null, null, null, null);
    }
}
