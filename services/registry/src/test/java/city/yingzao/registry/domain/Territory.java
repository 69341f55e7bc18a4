package city.yingzao.registry.domain;

import java.util.Set;

/** Named places of the Chengdu territory, for specifications that read like the registry they describe. */
final class Territory {

    private Territory() {
    }

    /** A community and what it holds, as the policies see it. */
    record Place(String code, Set<String> groups, Set<String> courtyards) {
    }

    /** 锦江区, a main urban district. */
    static String jinjiang() {
        return "510104";
    }

    /** 水井坊社区 in 锦江区: five resident groups, four courtyards. */
    static Place shuijingfang() {
        return new Place("510104021001", Set.of("G01", "G02", "G03", "G04", "G05"), Set.of("Y01", "Y02", "Y03", "Y04"));
    }

    /** 白塔村, a village in 双流区 with two groups and no courtyards yet. */
    static Place baita() {
        return new Place("510116005201", Set.of("G01", "G02"), Set.of());
    }
}
