package city.yingzao.kernel.problem;

import city.yingzao.kernel.security.Roles;
import city.yingzao.testing.MalformedInputProbe;
import city.yingzao.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@DisplayName("Every endpoint of the test application answers %00, \\u0000 and repeated JSON keys with a 4xx problem, as every role and anonymously")
class MalformedInputTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    @DisplayName("no endpoint answers malformed input with a 5xx or without problem details")
    void everyEndpoint() {
        MalformedInputProbe.Result result = MalformedInputProbe.against(root)
                .caller("city-operator", TestTokens.user("probe-operator").roles(Roles.CITY_OPERATOR).sign(), Roles.CITY_OPERATOR)
                .caller("district-operator", TestTokens.user("probe-district").roles(Roles.DISTRICT_OPERATOR).district("510104").sign(),
                        Roles.DISTRICT_OPERATOR)
                .caller("community-staff", TestTokens.user("probe-staff").roles(Roles.COMMUNITY_STAFF).communities("510104021001").sign(),
                        Roles.COMMUNITY_STAFF)
                .caller("auditor", TestTokens.user("probe-auditor").roles(Roles.AUDITOR).sign(), Roles.AUDITOR)
                .pathValue("key", "quorum.share")
                .unchangedTables("public")
                .run()
                .assertClean();
        System.out.println("PROBE " + result.summary());

        // the probe reached the kinds of input the corpus found: NULs in paths, queries and JSON, and repeated keys
        assertThat(result.variants()).containsKeys("path %00", "query %00", "json \\u0000", "json repeated key");
        assertThat(result.problemTypes()).containsKeys("400 urn:yingzao:problem:nul-character",
                "400 urn:yingzao:problem:duplicate-key");
    }
}
