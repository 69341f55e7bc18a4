package city.yingzao.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * The one test resource of every service: a real PostgreSQL and a real Kafka broker, started once
 * per test JVM and shared by every test class, and the key that verifies {@link TestTokens}.
 * Declare it once per module (on one class, with {@code @QuarkusTestResource}) so Quarkus starts
 * the application once for all test classes.
 */
public class YingzaoTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl());
        config.put("quarkus.datasource.username", TestPostgres.USER);
        config.put("quarkus.datasource.password", TestPostgres.PASSWORD);
        config.put("kafka.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("quarkus.oidc.public-key", TestTokens.publicKeyBase64());
        config.put("quarkus.oidc.token.issuer", TestTokens.ISSUER);
        config.put("quarkus.oidc.auth-server-url", "");
        config.put("quarkus.oidc.discovery-enabled", "false");
        return config;
    }

    @Override
    public void stop() {
        // The broker and the database live as long as the JVM; a shutdown hook stops them.
    }
}
