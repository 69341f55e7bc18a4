package city.yingzao.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What every thin per-service client of the chain test shares: requests to one service's base URL as a user of
 * the realm (a real password-grant token through {@link SystemUnderTest#token(String)}) or anonymous
 * ({@code null}), and polling for what a service learns from another by event.
 */
abstract class ServiceApi {

    protected final SystemUnderTest sut;
    protected final String url;

    ServiceApi(SystemUnderTest sut, String url) {
        this.sut = sut;
        this.url = url;
    }

    RequestSpecification as(String user) {
        RequestSpecification spec = RestAssured.given().baseUri(url).contentType(ContentType.JSON).accept(ContentType.JSON);
        return user == null ? spec : spec.auth().oauth2(sut.token(user));
    }

    /** Repeats the call until its answer is accepted (what one service learns from another arrives by event). */
    static Response eventually(Supplier<Response> call, Predicate<Response> accepted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Response last;
        do {
            last = call.get();
            if (accepted.test(last)) {
                return last;
            }
            sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("still " + last.statusCode() + " after " + timeout + ": " + last.asString());
    }

    static Response eventually(Supplier<Response> call, int status, Duration timeout) {
        return eventually(call, r -> r.statusCode() == status, timeout);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
