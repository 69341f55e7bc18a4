package city.yingzao.registry.application;

import city.yingzao.registry.domain.CommunityKind;
import city.yingzao.registry.domain.DistrictTier;
import city.yingzao.registry.domain.OrganisationType;

/** What callers ask the registry to do; already well-formed (the API validated the shapes). */
public final class Commands {

    private Commands() {
    }

    public record RegisterDistrict(String code, String name, DistrictTier tier) {
    }

    public record UpdateDistrict(String name, DistrictTier tier) {
    }

    public record RegisterStreet(String code, String name, String districtCode) {
    }

    public record RegisterCommunity(String code, String name, CommunityKind kind, String streetCode,
            int registeredHouseholds, int stage) {
    }

    public record UpdateCommunity(String name, CommunityKind kind, int registeredHouseholds, int stage) {
    }

    public record AddGroup(String code, String name) {
    }

    public record AddCourtyard(String code, String name, String groupCode) {
    }

    public record RegisterHousehold(String code, String groupCode, String courtyardCode) {
    }

    /** A household moved to another group or courtyard, or moved out ({@code active} false). */
    public record ChangeHousehold(String groupCode, String courtyardCode, boolean active) {
    }

    /** @param registeredOn the day it was registered with civil affairs, or null for today */
    public record RegisterOrganisation(String code, String name, OrganisationType type, java.time.LocalDate registeredOn) {
    }
}
