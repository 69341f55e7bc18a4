package city.yingzao.systemtests;

import city.yingzao.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producing service killed outright ({@code kill -9}) between its commit and the relay's send: with
 * the broker stopped, finance's writes commit their events to its outbox and none can be sent; finance
 * is then killed, the broker started again and finance restarted. Every outbox row reaches
 * {@code finance.projects} exactly once, by {@code ce_id}: the window is the outbox's, not luck's.
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("A producer killed (kill -9) between its commits and the relay's sends")
class ProducerKillBeforeSendIT {

    static final String DISTRICT = "510184";
    static final String STREET = "510184110";
    /** community-staff-2's community in the demo realm; no other test writes projects there. */
    static final String COMMUNITY = "510184110201";
    private static final int PROJECTS = 60;
    private static final int YEAR = LocalDate.now().getYear();

    /** The registry publishes community-staff-2's community; finance learns it from the event. */
    static void territory(SystemUnderTest sut) {
        RegistryApi registry = new RegistryApi(sut.registryUrl());
        String operator = sut.token("city-operator");
        registry.ensure("/api/districts", operator, RegistryApi.district(DISTRICT, "崇州市", "FAR_SUBURB"));
        registry.ensure("/api/streets", operator, RegistryApi.street(STREET, "崇阳街道", DISTRICT));
        registry.ensure("/api/communities", operator, RegistryApi.community(COMMUNITY, "社区 " + COMMUNITY, STREET, 1200, 2));
    }

    static Map<String, Object> project(String title) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("fundYear", YEAR);
        p.put("title", title);
        p.put("category", "INFRASTRUCTURE_MAINTENANCE");
        p.put("purpose", "系统测试：故障注入");
        p.put("budgetFen", 100_000);
        p.put("contributionFen", 0);
        p.put("urgency", "LOW");
        return p;
    }

    /** A project of community-staff-2's community, once finance holds the community (it arrives by event). */
    static Faults.Answer createProject(SystemUnderTest sut, String title, Duration waitForCommunity) {
        String url = sut.financeUrl() + "/api/communities/" + COMMUNITY + "/projects";
        long deadline = System.nanoTime() + waitForCommunity.toNanos();
        Faults.Answer a;
        do {
            a = Faults.post(url, sut.token("community-staff-2"), project(title));
            if (a.status() == 201 || System.nanoTime() > deadline) {
                return a;
            }
            Faults.sleep(300);
        } while (true);
    }

    @Test
    @DisplayName("60 projects created while the broker is down, finance killed with their events still in its outbox, broker and finance back: each event on finance.projects exactly once")
    void everyCommittedEventSentOnceAfterTheKill(SystemUnderTest sut) throws Exception {
        territory(sut);
        KafkaBroker kafka = sut.kafka();
        assertThat(createProject(sut, "故障注入 预热", Duration.ofSeconds(60)).status())
                .as("finance knows %s (from the registry's event) and creates a project", COMMUNITY).isEqualTo(201);

        List<String> projects = new ArrayList<>();
        List<Faults.Answer> refused = new ArrayList<>();
        long tStop = System.nanoTime();
        kafka.stop();
        long tKill;
        long tUp;
        long tReady;
        long pendingAtKill;
        try {
            for (int i = 1; i <= PROJECTS; i++) {
                Faults.Answer a = createProject(sut, "故障注入 " + i, Duration.ZERO);
                if (a.status() == 201) {
                    projects.add(com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(a.body()).get("id").asText());
                } else {
                    refused.add(a);
                }
            }
            assertThat(refused).as("project creations refused while the broker was down").isEmpty();
            try (Connection db = Faults.db(sut, "finance")) {
                pendingAtKill = Faults.count(db, "select count(*) from outbox_message where topic = ? and sent_at is null"
                        + " and payload->>'projectId' = any(?)", Topics.FINANCE_PROJECTS, projects);
            }
            tKill = System.nanoTime();
            sut.kill("finance");
        } finally {
            kafka.start();
            tUp = System.nanoTime();
        }
        sut.restart("finance");
        tReady = System.nanoTime();

        try (Connection db = Faults.db(sut, "finance")) {
            List<String> ceIds = Faults.strings(db, "select id::text from outbox_message where topic = ? and payload->>'projectId' = any(?)",
                    Topics.FINANCE_PROJECTS, projects);
            long sent = Faults.awaitCount(db, PROJECTS, Duration.ofSeconds(60),
                    "select count(*) from outbox_message where topic = ? and sent_at is not null and payload->>'projectId' = any(?)",
                    Topics.FINANCE_PROJECTS, projects);
            long tSent = System.nanoTime();
            Set<String> wanted = new HashSet<>(ceIds);
            List<ConsumerRecord<String, String>> read = Faults.readAll(kafka.bootstrapServers(), Topics.FINANCE_PROJECTS);
            Map<String, Long> occurrences = Faults.occurrences(read, wanted);
            Set<String> missing = new HashSet<>(wanted);
            missing.removeAll(occurrences.keySet());

            System.out.printf("""
                    [system-tests] producer kill between commit and send (finance, finance.projects):
                      broker stopped; %d projects created (201) in %.1f s; %d of their events unsent in the outbox at the kill
                      finance killed; broker up %.1f s later; finance ready %.1f s after that; all sent %.1f s after ready
                      %,d records on finance.projects; of the %d events: %d missing, %d more than once
                    """, projects.size(), (tKill - tStop) / 1e9, pendingAtKill, (tUp - tKill) / 1e9, (tReady - tUp) / 1e9,
                    (tSent - tReady) / 1e9, read.size(), wanted.size(), missing.size(),
                    occurrences.values().stream().filter(n -> n > 1).count());

            assertThat(projects).hasSize(PROJECTS);
            assertThat(ceIds).as("one outbox row per project created").hasSize(PROJECTS);
            assertThat(pendingAtKill).as("events committed and not sent when finance was killed").isEqualTo(PROJECTS);
            assertThat(sent).as("outbox rows marked sent after the restart\n%s", sut.logTail("finance", 30)).isEqualTo(PROJECTS);
            assertThat(missing).as("events committed before the kill and never published (lost)").isEmpty();
            assertThat(occurrences).as("ce_id on finance.projects more than once").allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
            assertThat(Faults.count(db, "select count(*) from outbox_message where (attempts > 0 or parked_at is not null)"
                    + " and payload->>'projectId' = any(?)", projects)).as("rows counted against or parked for the outage").isZero();
        }
    }
}
