package city.yingzao.training.api;

import city.yingzao.training.application.CredentialService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static city.yingzao.training.api.Training.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The signed Open Badges 3.0 / VC export verifies offline with the published JWK, and fails after any change. */
@QuarkusTest
class CredentialExportTest {

    @Test
    @DisplayName("T3 export: the holder's credential verifies with the public JWK; one changed byte of it, or a stranger's key, fails")
    @SuppressWarnings("unchecked")
    void signedAndTamperEvident() throws Exception {
        String person = "holder-" + Training.unique("").toLowerCase();
        String code = as(Training.cityOperator()).body(Map.of("personId", person, "holderName", "王小梅", "holderOrganisation", "ORG9",
                        "evidence", "2019 年纸质证书 No. 2019-017"))
                .post("/api/schemes/PARTICIPATORY_EVALUATOR/grants").then().statusCode(201)
                .body("history[0].event", equalTo("GRANTED")).body("history[0].evidence", equalTo("2019 年纸质证书 No. 2019-017"))
                .body("grantedHow", equalTo("EVIDENCE")).extract().path("code");

        as(Training.learner("someone-else")).get("/api/certificates/" + code + "/credential").then().statusCode(403);
        String json = as(Training.learner(person)).get("/api/certificates/" + code + "/credential").then().statusCode(200)
                .body("type", org.hamcrest.Matchers.hasItem("OpenBadgeCredential"))
                .body("credentialSubject.name", equalTo("王小梅"))
                .body("proof.cryptosuite", equalTo("eddsa-jcs-2022")).extract().asString();
        Map<String, Object> jwks = RestAssured.get("/api/public/certificates/keys").then().statusCode(200).extract().as(Map.class);
        Map<String, Object> key = ((List<Map<String, Object>>) jwks.get("keys")).get(0);
        assertThat(key).containsEntry("kty", "OKP").containsEntry("crv", "Ed25519");
        String x = (String) key.get("x");
        assertThat(json).doesNotContain(person);

        ObjectMapper mapper = new ObjectMapper();
        assertThat(CredentialService.verify(mapper.readValue(json, Map.class), x)).isTrue();

        // one byte of the credential changed (the holder's name), then the validity: both fail
        String tampered = json.replace("王小梅", "王小海");
        assertThat(tampered).isNotEqualTo(json);
        assertThat(CredentialService.verify(mapper.readValue(tampered, Map.class), x)).isFalse();
        Map<String, Object> later = mapper.readValue(json, Map.class);
        later.put("validUntil", "2099-01-01T00:00:00Z");
        assertThat(CredentialService.verify(later, x)).isFalse();
        // another key does not verify it
        assertThat(CredentialService.verify(mapper.readValue(json, Map.class), "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")).isFalse();

        as(Training.cityOperator()).body(Map.of("reason", "核查中")).post("/api/certificates/" + code + "/suspend").then().statusCode(200);
        RestAssured.get("/api/public/certificates/" + code).then().statusCode(200).body("standing", equalTo("SUSPENDED"));
        as(Training.learner(person)).get("/api/certificates/" + code + "/credential").then().statusCode(422);
        as(Training.cityOperator()).body(Map.of("reason", "核查完毕")).post("/api/certificates/" + code + "/reinstate").then().statusCode(200)
                .body("history.event", org.hamcrest.Matchers.contains("GRANTED", "SUSPENDED", "REINSTATED"));
    }
}
