package city.yingzao.evaluation.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An evaluation framework version 评估体系 (E1): domains 范畴 with weights summing to 100, each with
 * indicators 指标 scored 0-4 against five anchored level descriptions, in Chinese and English. A
 * version is immutable once an evaluation used it; an evaluation is scored against the version it
 * started with.
 */
public record Framework(String version, String title, boolean provisional, List<Domain> domains) {

    /** The number of levels of every indicator: 0 absent, 1 weak, 2 partly met, 3 met, 4 exemplary. */
    public static final int LEVELS = 5;
    public static final int MAX_LEVEL = LEVELS - 1;

    public Framework {
        domains = List.copyOf(domains);
    }

    /** One domain 范畴 with its weight (its share of 100 points) and its indicators. */
    public record Domain(String id, String nameZh, String nameEn, int weight, List<Indicator> indicators) {
        public Domain {
            indicators = List.copyOf(indicators);
        }
    }

    /** One indicator 指标 with its five anchors, level 0 first. */
    public record Indicator(String id, String nameZh, String nameEn, List<String> anchorsZh, List<String> anchorsEn) {
        public Indicator {
            anchorsZh = List.copyOf(anchorsZh);
            anchorsEn = List.copyOf(anchorsEn);
        }
    }

    public int indicatorCount() {
        return domains.stream().mapToInt(d -> d.indicators().size()).sum();
    }

    /** Indicator id → the id of its domain, in framework order. */
    public Map<String, String> domainOfIndicator() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Domain d : domains) {
            for (Indicator i : d.indicators()) {
                map.put(i.id(), d.id());
            }
        }
        return map;
    }

    public Optional<Indicator> indicator(String id) {
        return domains.stream().flatMap(d -> d.indicators().stream()).filter(i -> i.id().equals(id)).findFirst();
    }

    public boolean hasIndicator(String id) {
        return indicator(id).isPresent();
    }
}
