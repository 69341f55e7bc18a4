package city.yingzao.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A thin, thread-safe client of the registry API (docs/registry-api.md) for set-up and load. */
final class RegistryApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    RegistryApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Answer(int status, String body) {
    }

    Answer post(String path, String token, Map<String, Object> body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, e.toString());
        }
    }

    static Map<String, Object> district(String code, String name, String tier) {
        return ordered("code", code, "name", name, "tier", tier);
    }

    static Map<String, Object> street(String code, String name, String districtCode) {
        return ordered("code", code, "name", name, "districtCode", districtCode);
    }

    static Map<String, Object> community(String code, String name, String streetCode, int households, int stage) {
        return ordered("code", code, "name", name, "kind", "URBAN", "streetCode", streetCode,
                "registeredHouseholds", households, "stage", stage);
    }

    /** Creates it, or finds it there already (201 or 409); anything else fails the test's set-up. */
    void ensure(String path, String token, Map<String, Object> body) {
        Answer a = post(path, token, body);
        if (a.status() != 201 && a.status() != 409) {
            throw new IllegalStateException("POST " + path + " " + body + " answered " + a.status() + ": " + a.body());
        }
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
