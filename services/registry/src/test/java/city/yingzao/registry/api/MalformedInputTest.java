package city.yingzao.registry.api;

import city.yingzao.kernel.security.Roles;
import city.yingzao.testing.MalformedInputProbe;
import city.yingzao.testing.RequestFieldLimits;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@DisplayName("Every registry endpoint answers %00, \\u0000, repeated JSON keys and too-long text with a 4xx problem, as every role and anonymously")
class MalformedInputTest {

    /** Every realm role; the probe calls an operation as those its OpenAPI security lists. */
    static final List<String> ROLES = Roles.ALL;

    @TestHTTPResource("/")
    URI root;

    @Test
    @DisplayName("no endpoint answers the probe's malformed input with a 5xx, a 2xx or without problem details, and no table changes")
    void everyEndpoint() {
        String district = Registry.district("MAIN_URBAN");
        String community = Registry.community(Registry.street(district));
        MalformedInputProbe probe = MalformedInputProbe.against(root)
                .pathValue("code", community).pathValue("communityCode", community);
        for (String role : ROLES) {
            probe.caller(role, TestTokens.user("probe-" + role).roles(role).communities(community).district(district)
                    .household("H0001").org("ORG01").sign(), role);
        }
        MalformedInputProbe.Result result = probe.unchangedTables("public").run().assertClean();
        System.out.println("[registry] malformed input: " + result.summary());

        assertThat(result.operations()).isGreaterThan(15);
        assertThat(result.variants()).containsKeys("path %00", "query %00", "json \\u0000", "json repeated key", "json too long", "text \\u0000",
                "path too long", "json wrong type", "json required missing", "json not json", "json deep nesting", "content type");
        assertThat(result.tables()).isGreaterThan(10);
        assertThat(Registry.count("select count(*) from community where name like 'probe%'")).isZero();
    }

    @Test
    @DisplayName("no request text field is longer than the column that stores it")
    void fieldLengths() {
        int checked = RequestFieldLimits.of(Requests.class)
                .stores("RegisterDistrictRequest.code", "district.code")
                .stores("RegisterDistrictRequest.name", "district.name")
                .stores("UpdateDistrictRequest.name", "district.name")
                .stores("RegisterStreetRequest.code", "street.code")
                .stores("RegisterStreetRequest.name", "street.name")
                .stores("RegisterStreetRequest.districtCode", "street.district_code")
                .stores("RegisterCommunityRequest.code", "community.code")
                .stores("RegisterCommunityRequest.name", "community.name")
                .stores("RegisterCommunityRequest.streetCode", "community.street_code")
                .stores("UpdateCommunityRequest.name", "community.name")
                .stores("AddGroupRequest.code", "resident_group.code")
                .stores("AddGroupRequest.name", "resident_group.name")
                .stores("AddCourtyardRequest.code", "courtyard.code")
                .stores("AddCourtyardRequest.name", "courtyard.name")
                .stores("AddCourtyardRequest.groupCode", "courtyard.group_code")
                .stores("RegisterHouseholdRequest.code", "household.code")
                .stores("RegisterHouseholdRequest.groupCode", "household.group_code")
                .stores("RegisterHouseholdRequest.courtyardCode", "household.courtyard_code")
                .stores("ChangeHouseholdRequest.groupCode", "household.group_code")
                .stores("ChangeHouseholdRequest.courtyardCode", "household.courtyard_code")
                .stores("RegisterOrganisationRequest.code", "organisation.code")
                .stores("RegisterOrganisationRequest.name", "organisation.name")
                .check();
        assertThat(checked).isEqualTo(22);
    }

    @Test
    @DisplayName("a NUL in a cell of an imported CSV file is refused with 400 nul-character, and nothing is imported")
    void nulInCsvCell() {
        String street = Registry.street(Registry.district("MAIN_URBAN"));
        String code = Registry.unique("C");
        String csv = "code,name,kind,street_code,registered_households,stage\n"
                + code + ",社区\u0000名,URBAN," + street + ",1200,2\n";
        given().auth().oauth2(Registry.cityOperator()).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/communities/import")
                .then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:yingzao:problem:nul-character"));
        assertThat(Registry.count("select count(*) from community where code = ?", code)).isZero();
        assertThat(Registry.outboxRowsAbout(code)).isZero();
    }
}
