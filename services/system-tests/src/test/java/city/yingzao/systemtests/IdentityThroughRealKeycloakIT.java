package city.yingzao.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity side of the realm, against the real Keycloak that imported
 * {@code deploy/keycloak/realm-yingzao.json} and the packaged services:
 * <ul>
 *   <li>the scope attributes ({@code community}, {@code district}, {@code household}, {@code org}) are
 *       read-only for the user: the account REST API refuses a change, whether the token comes from the
 *       account console ({@code account-console}, PKCE code flow through the real login form) or from
 *       {@code yingzao-cli}; a fresh token and the admin API still show the old values. An administrator
 *       sets them and the next token carries them;</li>
 *   <li>every service accepts only tokens whose {@code aud} holds its client id: a real token meant for
 *       another audience gets 401, the same user's {@code yingzao-cli} token 200;</li>
 *   <li>the imported realm requires TLS from external addresses and locks an account after failed logins.</li>
 * </ul>
 * Users and clients this class needs beyond the demo realm are created through the admin API with a
 * random name and deleted at the end; a demo user's attributes are put back by the admin API
 * whatever happened, so a broken realm cannot leave another test with changed scope claims.
 */
@ExtendWith(SystemUnderTestExtension.class)
@DisplayName("Identity: realm yingzao on real Keycloak")
class IdentityThroughRealKeycloakIT {

    static final String HOME_COMMUNITY = "510104021001";
    static final List<String> SCOPE_ATTRIBUTES = List.of("community", "district", "household", "org");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static SystemUnderTest sut;
    private static String realmUrl;
    private static String keycloakUrl;

    @BeforeAll
    static void keycloak(SystemUnderTest system) {
        sut = system;
        realmUrl = sut.keycloakRealmUrl();
        keycloakUrl = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
    }

    @Test
    @DisplayName("a user cannot change the scope attributes through the account REST API (account-console token from the login form, or a yingzao-cli token): 400 read-only, fresh token and admin API unchanged")
    void userCannotChangeScopeAttributes() throws Exception {
        String user = "resident-1";
        Admin admin = Admin.login();
        String userId = admin.userId(user);
        JsonNode before = admin.user(userId).path("attributes");
        assertThat(before.path("community").toString()).isEqualTo("[\"" + HOME_COMMUNITY + "\"]");
        assertThat(before.path("household").toString()).isEqualTo("[\"H0001\"]");
        try {
            String consoleToken = Browser.accountConsoleToken(user, SystemUnderTest.DEMO_PASSWORD);
            JsonNode consoleClaims = claims(consoleToken);
            assertThat(consoleClaims.path("azp").asText()).isEqualTo("account-console");
            assertThat(consoleClaims.path("aud").toString()).contains("\"account\"");

            JsonNode account = account(consoleToken);
            Map<String, Boolean> readOnly = new LinkedHashMap<>();
            account.path("userProfileMetadata").path("attributes")
                    .forEach(a -> readOnly.put(a.path("name").asText(), a.path("readOnly").asBoolean()));
            assertThat(readOnly).containsEntry("firstName", false);
            SCOPE_ATTRIBUTES.forEach(a -> assertThat(readOnly).as(a).containsEntry(a, true));

            // the API call itself works: a field the user may edit changes (and is put back)
            ObjectNode rename = editable(account);
            rename.put("firstName", "Renamed");
            assertThat(postAccount(consoleToken, rename).statusCode()).isEqualTo(204);
            assertThat(account(consoleToken).path("firstName").asText()).isEqualTo("Renamed");
            assertThat(postAccount(consoleToken, editable(account)).statusCode()).isEqualTo(204);

            // a change of each scope attribute: refused as read-only, nothing stored
            ObjectNode elsewhere = editable(account);
            ObjectNode attributes = elsewhere.putObject("attributes");
            attributes.putArray("community").add("510184110201").add(HOME_COMMUNITY);
            attributes.putArray("district").add("510184");
            attributes.putArray("household").add("H0999");
            attributes.putArray("org").add("ORG-SW-01");
            HttpResponse<String> refused = postAccount(consoleToken, elsewhere);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrderElementsOf(SCOPE_ATTRIBUTES);
            assertThat(refused.body()).contains("error-user-attribute-read-only");

            // leaving them out (an attempt to delete them) is accepted for the other fields and keeps them
            ObjectNode without = editable(account);
            without.putObject("attributes");
            assertThat(postAccount(consoleToken, without).statusCode()).isEqualTo(204);

            // the same change with the password-grant token of yingzao-cli (it carries aud account too)
            String cliToken = passwordGrant("yingzao-cli", user);
            HttpResponse<String> refusedCli = postAccount(cliToken, elsewhere);
            assertThat(refusedCli.statusCode()).as(refusedCli.body()).isEqualTo(400);
            assertThat(refusedCli.body()).contains("error-user-attribute-read-only");

            // unchanged: in a fresh token, through the account API, and in the admin API
            JsonNode fresh = claims(passwordGrant("yingzao-cli", user));
            assertThat(fresh.path("community").toString()).isEqualTo("[\"" + HOME_COMMUNITY + "\"]");
            assertThat(fresh.path("household").asText()).isEqualTo("H0001");
            assertThat(fresh.has("district")).isFalse();
            assertThat(fresh.has("org")).isFalse();
            assertThat(account(consoleToken).path("attributes")).isEqualTo(before);
            assertThat(admin.user(userId).path("attributes")).isEqualTo(before);
        } finally {
            admin.putAttributes(userId, before); // whatever happened above, resident-1 keeps its scope
        }
    }

    @Test
    @DisplayName("an administrator sets the scope attributes through the admin API and the next token carries them")
    void adminSetsScopeAttributes() throws Exception {
        Admin admin = Admin.login();
        String username = "identity-probe-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode attributes = JSON.createObjectNode();
        attributes.putArray("community").add(HOME_COMMUNITY);
        attributes.putArray("district").add("510104");
        String userId = admin.createUser(username, attributes);
        try {
            JsonNode first = claims(passwordGrant("yingzao-cli", username));
            assertThat(first.path("community").toString()).isEqualTo("[\"" + HOME_COMMUNITY + "\"]");
            assertThat(first.path("district").asText()).isEqualTo("510104");
            assertThat(first.has("org")).isFalse();

            ObjectNode changed = JSON.createObjectNode();
            changed.putArray("community").add(HOME_COMMUNITY).add("510184110201");
            changed.putArray("district").add("510184");
            changed.putArray("household").add("H0042");
            changed.putArray("org").add("ORG-SW-01");
            admin.putAttributes(userId, changed);

            JsonNode next = claims(passwordGrant("yingzao-cli", username));
            assertThat(next.path("community").toString()).isEqualTo("[\"" + HOME_COMMUNITY + "\",\"510184110201\"]");
            assertThat(next.path("district").asText()).isEqualTo("510184");
            assertThat(next.path("household").asText()).isEqualTo("H0042");
            assertThat(next.path("org").asText()).isEqualTo("ORG-SW-01");
        } finally {
            admin.delete("/users/" + userId);
        }
    }

    @Test
    @DisplayName("each service refuses a real token meant for another audience (401) and accepts the same user's yingzao-cli token (200)")
    void servicesCheckTheAudience() throws Exception {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("registry", sut.registryUrl());
        services.put("deliberation", sut.deliberationUrl());
        services.put("finance", sut.financeUrl());
        String user = "city-operator";

        String cli = passwordGrant("yingzao-cli", user);
        assertThat(audience(cli)).containsAll(services.keySet());

        // a client of the realm whose tokens are meant for the registry only
        Admin admin = Admin.login();
        String clientId = "identity-probe-registry-only-" + UUID.randomUUID().toString().substring(0, 8);
        String clientUuid = admin.createPublicClientWithAudience(clientId, "registry");
        try {
            String registryOnly = passwordGrant(clientId, user);
            assertThat(audience(registryOnly)).contains("registry").doesNotContain("deliberation", "finance");
            assertThat(claims(registryOnly).path("realm_access").path("roles").toString()).contains("\"city-operator\"");
            // the account console's token: aud account only
            String console = Browser.accountConsoleToken(user, SystemUnderTest.DEMO_PASSWORD);
            assertThat(audience(console)).doesNotContainAnyElementsOf(services.keySet());

            Map<String, List<Integer>> answers = new LinkedHashMap<>();
            for (Map.Entry<String, String> s : services.entrySet()) {
                answers.put(s.getKey(), List.of(
                        get(s.getValue() + "/api/settings", cli),
                        get(s.getValue() + "/api/settings", registryOnly),
                        get(s.getValue() + "/api/settings", console)));
            }
            // [yingzao-cli token, registry-only token, account-console token]
            Map<String, List<Integer>> expected = new LinkedHashMap<>();
            expected.put("registry", List.of(200, 200, 401));
            expected.put("deliberation", List.of(200, 401, 401));
            expected.put("finance", List.of(200, 401, 401));
            assertThat(answers).containsExactlyEntriesOf(expected);
        } finally {
            admin.delete("/clients/" + clientUuid);
        }
    }

    @Test
    @DisplayName("the imported realm requires TLS from external addresses, and brute-force detection locks an account: after wrong passwords the right one is refused")
    void sslAndBruteForce() throws Exception {
        Admin admin = Admin.login();
        JsonNode realm = admin.get("");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("external");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("permanentLockout").asBoolean()).isFalse();
        assertThat(realm.path("failureFactor").asInt()).isEqualTo(5);

        String username = "identity-probe-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = admin.createUser(username, JSON.createObjectNode());
        try {
            assertThat(passwordGrantStatus(username, SystemUnderTest.DEMO_PASSWORD)).isEqualTo(200);
            List<Integer> wrong = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                wrong.add(passwordGrantStatus(username, "wrong-" + i));
            }
            assertThat(wrong).containsOnly(401);
            assertThat(passwordGrantStatus(username, SystemUnderTest.DEMO_PASSWORD)).isEqualTo(401);
            JsonNode status = admin.get("/attack-detection/brute-force/users/" + userId);
            assertThat(status.path("disabled").asBoolean()).as(status.toString()).isTrue();
        } finally {
            admin.delete("/users/" + userId);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET()).statusCode();
    }

    private static JsonNode account(String token) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(realmUrl + "/account/"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    /** What the account console posts back: the representation without its profile metadata. */
    private static ObjectNode editable(JsonNode account) {
        ObjectNode copy = account.deepCopy();
        copy.remove("userProfileMetadata");
        return copy;
    }

    private static HttpResponse<String> postAccount(String token, JsonNode representation) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/account/"))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(representation.toString())));
    }

    private static String passwordGrant(String clientId, String username) throws IOException, InterruptedException {
        HttpResponse<String> r = tokenRequest(Map.of("grant_type", "password", "client_id", clientId,
                "username", username, "password", SystemUnderTest.DEMO_PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static int passwordGrantStatus(String username, String password) throws IOException, InterruptedException {
        return tokenRequest(Map.of("grant_type", "password", "client_id", SystemUnderTest.CLI_CLIENT,
                "username", username, "password", password)).statusCode();
    }

    private static HttpResponse<String> tokenRequest(Map<String, String> form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> audience(String jwt) throws IOException {
        JsonNode aud = claims(jwt).path("aud");
        List<String> result = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(a -> result.add(a.asText()));
        } else if (aud.isTextual()) {
            result.add(aud.asText());
        }
        return result;
    }

    /**
     * What a browser does to sign in to the account console: the authorization request of the public
     * client {@code account-console} with a PKCE challenge, the login form's POST with the session
     * cookies, the code from the redirect, and the code exchange with the verifier. Keycloak marks its
     * cookies {@code Secure}; a browser sends them to http://localhost (a secure context) but
     * {@code java.net.CookieManager} would not, so this keeps and returns them itself.
     */
    static final class Browser {
        private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);
        private final Map<String, String> cookies = new LinkedHashMap<>();

        static String accountConsoleToken(String username, String password) throws IOException, InterruptedException {
            return new Browser().signIn(username, password);
        }

        private String signIn(String username, String password) throws IOException, InterruptedException {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            String challenge;
            try {
                challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            String redirect = realmUrl + "/account/";
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", "account-console");
            query.put("redirect_uri", redirect);
            query.put("response_type", "code");
            query.put("scope", "openid");
            query.put("state", UUID.randomUUID().toString());
            query.put("nonce", UUID.randomUUID().toString());
            query.put("code_challenge", challenge);
            query.put("code_challenge_method", "S256");
            HttpResponse<String> page = exchange(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/auth?" + form(query))).GET());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            Matcher action = LOGIN_FORM.matcher(page.body());
            assertThat(action.find()).as("login form in " + page.body()).isTrue();

            HttpResponse<String> login = exchange(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "credentialId", "")))));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
            URI back = URI.create(login.headers().firstValue("Location").orElseThrow());
            assertThat(back.toString()).startsWith(redirect);
            String code = java.util.Arrays.stream(back.getRawQuery().split("&"))
                    .filter(p -> p.startsWith("code=")).map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8))
                    .findFirst().orElseThrow();

            HttpResponse<String> token = tokenRequest(Map.of("grant_type", "authorization_code", "client_id", "account-console",
                    "code", code, "redirect_uri", redirect, "code_verifier", verifier));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            return JSON.readTree(token.body()).path("access_token").asText();
        }

        private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = send(request);
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            return response;
        }
    }

    /**
     * Keycloak's admin REST API on realm yingzao, as the bootstrap admin of realm master. Its tokens
     * live 60 s, so one is fetched again after 30 s (a loaded machine makes a test slow).
     */
    static final class Admin {
        private String token;
        private long tokenAt;

        static Admin login() throws IOException, InterruptedException {
            Admin admin = new Admin();
            admin.token();
            return admin;
        }

        private String token() throws IOException, InterruptedException {
            if (token == null || System.nanoTime() - tokenAt > Duration.ofSeconds(30).toNanos()) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                                "username", "admin", "password", "admin")))));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                token = JSON.readTree(r.body()).path("access_token").asText();
                tokenAt = System.nanoTime();
            }
            return token;
        }

        private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
            return HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/" + KeycloakServer.REALM + path))
                    .header("Authorization", "Bearer " + token()).header("Accept", "application/json")
                    .header("Content-Type", "application/json");
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = send(request(path).GET());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        String userId(String username) throws IOException, InterruptedException {
            JsonNode found = get("/users?exact=true&username=" + enc(username));
            assertThat(found).as(username).hasSize(1);
            return found.get(0).path("id").asText();
        }

        JsonNode user(String id) throws IOException, InterruptedException {
            return get("/users/" + id);
        }

        /** Replaces the user's attributes (the rest of the representation as it is). */
        void putAttributes(String id, JsonNode attributes) throws IOException, InterruptedException {
            ObjectNode user = (ObjectNode) user(id);
            user.remove("userProfileMetadata");
            user.set("attributes", attributes);
            HttpResponse<String> r = send(request("/users/" + id).PUT(HttpRequest.BodyPublishers.ofString(user.toString())));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        }

        String createUser(String username, JsonNode attributes) throws IOException, InterruptedException {
            ObjectNode user = JSON.createObjectNode();
            user.put("username", username).put("enabled", true).put("email", username + "@yingzao.local")
                    .put("emailVerified", true).put("firstName", "Identity").put("lastName", "Probe");
            user.set("attributes", attributes);
            ArrayNode credentials = user.putArray("credentials");
            credentials.addObject().put("type", "password").put("value", SystemUnderTest.DEMO_PASSWORD).put("temporary", false);
            HttpResponse<String> r = send(request("/users").POST(HttpRequest.BodyPublishers.ofString(user.toString())));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return userId(username);
        }

        /** A public client with the password grant, full scope, the scope mappers' roles and one audience mapper. */
        String createPublicClientWithAudience(String clientId, String audience) throws IOException, InterruptedException {
            ObjectNode client = JSON.createObjectNode();
            client.put("clientId", clientId).put("enabled", true).put("protocol", "openid-connect")
                    .put("publicClient", true).put("standardFlowEnabled", false).put("directAccessGrantsEnabled", true)
                    .put("fullScopeAllowed", true);
            ObjectNode mapper = client.putArray("protocolMappers").addObject();
            mapper.put("name", "audience " + audience).put("protocol", "openid-connect").put("protocolMapper", "oidc-audience-mapper");
            mapper.putObject("config").put("included.client.audience", audience).put("access.token.claim", "true")
                    .put("id.token.claim", "false");
            HttpResponse<String> r = send(request("/clients").POST(HttpRequest.BodyPublishers.ofString(client.toString())));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode found = get("/clients?clientId=" + enc(clientId));
            assertThat(found).hasSize(1);
            return found.get(0).path("id").asText();
        }

        void delete(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = send(request(path).DELETE());
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(204);
        }
    }
}
