package city.yingzao.evaluation.domain;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures: the shipped provisional framework, a tiny one, and sheets filled by rule. */
final class Frameworks {

    private Frameworks() {
    }

    static Framework provisional() {
        try (InputStream in = Frameworks.class.getResourceAsStream("/frameworks/provisional-2016-v1.json")) {
            return new ObjectMapper().readValue(in, Framework.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> anchors(String prefix) {
        List<String> a = new ArrayList<>();
        for (int l = 0; l < 5; l++) {
            a.add(prefix + " level " + l);
        }
        return a;
    }

    static Framework.Indicator indicator(String id) {
        return new Framework.Indicator(id, "指标" + id, "indicator " + id, anchors("zh " + id), anchors("en " + id));
    }

    /** Levels for every indicator of a framework: the domain's level, or a per-indicator override. */
    static Map<String, Integer> levels(Framework f, Map<String, Integer> perDomain, Map<String, Integer> overrides) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (Framework.Domain d : f.domains()) {
            for (Framework.Indicator i : d.indicators()) {
                levels.put(i.id(), overrides.getOrDefault(i.id(), perDomain.get(d.id())));
            }
        }
        return levels;
    }

    static Map<String, Integer> all(Framework f, int level) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        f.domainOfIndicator().keySet().forEach(id -> levels.put(id, level));
        return levels;
    }
}
