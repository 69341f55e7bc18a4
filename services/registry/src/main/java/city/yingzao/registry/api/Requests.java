package city.yingzao.registry.api;

import city.yingzao.registry.application.Commands;
import city.yingzao.registry.domain.Codes;
import city.yingzao.registry.domain.CommunityKind;
import city.yingzao.registry.domain.DistrictTier;
import city.yingzao.registry.domain.OrganisationType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies, checked for shape (400 with field errors) before any use case runs. */
public final class Requests {

    private static final String CODE_MESSAGE = "must be 2 to 32 letters, digits or hyphens";
    private static final String COMMUNITY_CODE_MESSAGE = "must be 3 to 32 letters, digits or hyphens";

    private Requests() {
    }

    public record RegisterDistrictRequest(
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = Codes.NAME_MAX) String name,
            @NotNull DistrictTier tier) {
        Commands.RegisterDistrict toCommand() {
            return new Commands.RegisterDistrict(code, name.trim(), tier);
        }
    }

    public record UpdateDistrictRequest(
            @NotBlank @Size(max = Codes.NAME_MAX) String name,
            @NotNull DistrictTier tier) {
        Commands.UpdateDistrict toCommand() {
            return new Commands.UpdateDistrict(name.trim(), tier);
        }
    }

    public record RegisterStreetRequest(
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = Codes.NAME_MAX) String name,
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String districtCode) {
        Commands.RegisterStreet toCommand() {
            return new Commands.RegisterStreet(code, name.trim(), districtCode);
        }
    }

    public record RegisterCommunityRequest(
            @NotNull @Pattern(regexp = Codes.COMMUNITY_CODE, message = COMMUNITY_CODE_MESSAGE) String code,
            @NotBlank @Size(max = Codes.NAME_MAX) String name,
            @NotNull CommunityKind kind,
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String streetCode,
            @NotNull @Min(0) Integer registeredHouseholds,
            @NotNull @Min(1) @Max(6) Integer stage) {
        Commands.RegisterCommunity toCommand() {
            return new Commands.RegisterCommunity(code, name.trim(), kind, streetCode, registeredHouseholds, stage);
        }
    }

    public record UpdateCommunityRequest(
            @NotBlank @Size(max = Codes.NAME_MAX) String name,
            @NotNull CommunityKind kind,
            @NotNull @Min(0) Integer registeredHouseholds,
            @NotNull @Min(1) @Max(6) Integer stage) {
        Commands.UpdateCommunity toCommand() {
            return new Commands.UpdateCommunity(name.trim(), kind, registeredHouseholds, stage);
        }
    }

    public record AddGroupRequest(
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = Codes.NAME_MAX) String name) {
        Commands.AddGroup toCommand() {
            return new Commands.AddGroup(code, name.trim());
        }
    }

    public record AddCourtyardRequest(
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = Codes.NAME_MAX) String name,
            @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String groupCode) {
        Commands.AddCourtyard toCommand() {
            return new Commands.AddCourtyard(code, name.trim(), groupCode);
        }
    }

    public record RegisterHouseholdRequest(
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String code,
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String groupCode,
            @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String courtyardCode) {
        Commands.RegisterHousehold toCommand() {
            return new Commands.RegisterHousehold(code, groupCode, courtyardCode);
        }
    }

    public record ChangeHouseholdRequest(
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String groupCode,
            @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String courtyardCode,
            @NotNull Boolean active) {
        Commands.ChangeHousehold toCommand() {
            return new Commands.ChangeHousehold(groupCode, courtyardCode, active);
        }
    }

    public record RegisterOrganisationRequest(
            @NotNull @Pattern(regexp = Codes.CODE, message = CODE_MESSAGE) String code,
            @NotBlank @Size(max = Codes.NAME_MAX) String name,
            @NotNull OrganisationType type,
            @PastOrPresent java.time.LocalDate registeredOn) {
        Commands.RegisterOrganisation toCommand() {
            return new Commands.RegisterOrganisation(code, name.trim(), type, registeredOn);
        }
    }
}
