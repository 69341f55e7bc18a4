package city.yingzao.portal.infrastructure;

import city.yingzao.portal.domain.Settings;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One {@link SettingsApi} client per service, at the URL of its {@code quarkus.rest-client.<service>.url}, carrying the
 * signed-in person's token like every other client, problems answered as {@code ServiceProblem}.
 */
@ApplicationScoped
public class SettingsClients {

    @Inject
    Config config;

    @Inject
    AccessTokenHeaders tokens;

    private final Map<String, SettingsApi> clients = new LinkedHashMap<>();

    @PostConstruct
    void build() {
        for (String service : Settings.SERVICES) {
            Optional<String> url = config.getOptionalValue("quarkus.rest-client." + service + ".url", String.class);
            url.ifPresent(u -> clients.put(service, QuarkusRestClientBuilder.newBuilder()
                    .baseUri(URI.create(u))
                    .clientHeadersFactory(tokens)
                    .register(ProblemAnswers.class)
                    .connectTimeout(2, TimeUnit.SECONDS)
                    .readTimeout(10, TimeUnit.SECONDS)
                    .build(SettingsApi.class)));
        }
    }

    /** The client of a service, if the portal knows it. */
    public Optional<SettingsApi> of(String service) {
        return Optional.ofNullable(clients.get(service));
    }
}
