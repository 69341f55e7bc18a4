package city.yingzao.replica;

import city.yingzao.replica.application.RegistryReplica;
import city.yingzao.replica.domain.HouseholdCounts;
import city.yingzao.testing.TestPostgres;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static city.yingzao.replica.RegistryFeed.community;
import static city.yingzao.replica.RegistryFeed.household;
import static city.yingzao.replica.RegistryFeed.organisation;
import static city.yingzao.replica.RegistryFeed.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@DisplayName("The registry replica keeps the newest revision of every community and household")
class RegistryReplicaTest {

    @Inject
    RegistryReplica replica;

    @Test
    @DisplayName("a newer revision replaces the copy held; an older one arriving later is ignored")
    void newerRevisionWins() {
        String code = RegistryFeed.freshCommunity();
        publish(community(code, "水井坊社区", 2));
        publish(community(code, "旧名", 1));
        publish(community(code, "水井坊社区（新）", 3));
        publish(community(code, "又一个旧名", 2));
        String marker = RegistryFeed.freshCommunity();
        publish(community(marker, "marker", 1)); // same partition order is not promised across keys: wait on the code itself

        await().atMost(Duration.ofSeconds(30)).until(() -> revision(code) == 3 && replica.community(marker).isPresent());
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(replica.community(code)).get().satisfies(c -> {
            assertThat(c.name()).isEqualTo("水井坊社区（新）");
            assertThat(c.revision()).isEqualTo(3);
            assertThat(c.districtTier()).isEqualTo("MAIN_URBAN");
            assertThat(c.kind()).isEqualTo("URBAN");
        });
    }

    @Test
    @DisplayName("groups and courtyards come with their community's snapshot, a courtyard knows its group")
    void groupsAndCourtyards() {
        String code = RegistryFeed.freshCommunity();
        publish(community(code, "水井坊社区", 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> replica.communityKnown(code));
        assertThat(replica.groupCodes(code)).containsExactly("G01", "G02");
        assertThat(replica.courtyardKnown(code, "Y01")).isTrue();
        assertThat(replica.groupOfCourtyard(code, "Y01")).contains("G01");
        assertThat(replica.groupKnown(code, "G03")).isFalse();
    }

    @Test
    @DisplayName("a household that moves out stays listed but is no longer active")
    void movedOutHouseholdIsInactive() {
        String code = RegistryFeed.freshCommunity();
        publish(household(code, "H0001", true, 1));
        publish(household(code, "H0002", true, 1));
        publish(household(code, "H0002", false, 2));

        await().atMost(Duration.ofSeconds(30)).until(() -> !replica.householdActive(code, "H0002")
                && replica.householdActive(code, "H0001"));
        assertThat(replica.householdCounts(code)).isEqualTo(new HouseholdCounts(code, 2, 1));
    }

    @Test
    @DisplayName("an organisation is found by its code in whichever communities registered it; a newer revision renames it")
    void organisationsByCode() {
        String one = RegistryFeed.freshCommunity();
        String other = RegistryFeed.freshCommunity();
        String code = "ORG-" + one;
        publish(organisation(one, code, "社区营造支持中心", 2));
        publish(organisation(one, code, "旧名称", 1));
        publish(organisation(other, code, "同码不同社区", 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> replica.organisationsWithCode(code).size() == 2);
        assertThat(replica.organisationsWithCode(code))
                .extracting(o -> o.communityCode() + "/" + o.name())
                .containsExactlyInAnyOrder(one + "/社区营造支持中心", other + "/同码不同社区");
        assertThat(replica.organisationsOf(one)).singleElement()
                .satisfies(o -> assertThat(o.registeredOn()).hasYear(2015));
    }

    @Test
    @DisplayName("the service is ready once its replica caught up to the topics' end offsets at start")
    void readyOnceCaughtUp() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("registry-replica")));
    }

    private static long revision(String code) {
        Object r = TestPostgres.queryValue("select revision from replica_community where code = ?", code);
        return r == null ? 0 : ((Number) r).longValue();
    }
}
