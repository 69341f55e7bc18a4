package city.yingzao.kernel.testapp;

import city.yingzao.contracts.registry.CommunitySnapshotV1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Named community snapshots for the kernel's tests. */
public final class Communities {

    private Communities() {
    }

    /** A community with a code no other test uses. */
    public static String freshCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    public static CommunitySnapshotV1 snapshot(String code, String name, long revision) {
        return new CommunitySnapshotV1(code, name, "URBAN", "510104", "MAIN_URBAN", "510104021", 2350, 3,
                List.of(), List.of(), revision, Instant.parse("2026-11-29T04:00:00Z"));
    }
}
