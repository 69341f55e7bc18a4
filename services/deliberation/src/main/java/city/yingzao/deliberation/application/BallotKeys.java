package city.yingzao.deliberation.application;

import city.yingzao.deliberation.domain.BallotKeySeal;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;

/**
 * D8: the seal of the ballot boxes' private keys, from {@code yingzao.deliberation.ballot-key-encryption-key}.
 * Checked at start: a missing or malformed key stops the service, and so does the dev/test key in
 * production.
 */
@ApplicationScoped
@Startup
public class BallotKeys {

    /** The key of {@code %dev,test} in application.properties: public, so never accepted in production. */
    static final String DEV_AND_TEST_KEY = "YR5yCw38Y3545wvdMHEtuPa0a+IPIuQEytT7OXSoK98=";

    @Inject
    DeliberationConfig config;

    private BallotKeySeal seal;

    @PostConstruct
    void init() {
        String key = config.ballotKeyEncryptionKey();
        if (LaunchMode.current() == LaunchMode.NORMAL && DEV_AND_TEST_KEY.equals(key.trim())) {
            throw new IllegalStateException("yingzao.deliberation.ballot-key-encryption-key is the public dev/test key: "
                    + "give production its own 32 random bytes in base64");
        }
        seal = BallotKeySeal.fromBase64(key, new SecureRandom());
    }

    public BallotKeySeal seal() {
        return seal;
    }
}
