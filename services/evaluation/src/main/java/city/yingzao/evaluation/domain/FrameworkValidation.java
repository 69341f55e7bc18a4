package city.yingzao.evaluation.domain;

import city.yingzao.evaluation.domain.FrameworkDraft.DomainDraft;
import city.yingzao.evaluation.domain.FrameworkDraft.IndicatorDraft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * E1: what an imported framework version must satisfy before it can be used: a version label; at
 * least one domain; domain weights that are whole numbers from 1 to 100 and sum to 100; ids unique
 * (domains among domains, indicators across the whole framework); every domain has indicators;
 * every indicator has its names and its five anchors (levels 0-4) in Chinese and English. Every
 * problem is reported at once, each naming where it is.
 */
public final class FrameworkValidation {

    public static final int TOTAL_WEIGHT = 100;
    /** Ids are short codes (the contract's {@code domain} is at most 16 characters). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,15}");
    public static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final int NAME_MAX = 200;
    public static final int ANCHOR_MAX = 500;

    /** One thing wrong with a draft, and where. */
    public record Problem(String where, String message) {
        @Override
        public String toString() {
            return where + ": " + message;
        }
    }

    private FrameworkValidation() {
    }

    public static List<Problem> problems(FrameworkDraft draft) {
        List<Problem> problems = new ArrayList<>();
        if (draft.version() == null || !VERSION.matcher(draft.version().trim()).matches()) {
            problems.add(new Problem("version", "a version label of letters, digits, '.', '_' or '-' (at most 64) is required"));
        }
        if (draft.title() != null && draft.title().length() > NAME_MAX) {
            problems.add(new Problem("title", "at most " + NAME_MAX + " characters"));
        }
        if (draft.domains().isEmpty()) {
            problems.add(new Problem("domains", "a framework needs at least one domain"));
            return problems;
        }
        Map<String, String> domainIds = new HashMap<>();
        Map<String, String> indicatorIds = new HashMap<>();
        int weights = 0;
        boolean weightsKnown = true;
        for (DomainDraft d : draft.domains()) {
            id(problems, d.where(), "domain", d.id(), domainIds);
            names(problems, d.where(), d.nameZh(), d.nameEn());
            if (d.weight() == null) {
                problems.add(new Problem(d.where(), "the domain's weight is missing"));
                weightsKnown = false;
            } else if (d.weight() < 1 || d.weight() > TOTAL_WEIGHT) {
                problems.add(new Problem(d.where(), "weight " + d.weight() + " is not between 1 and " + TOTAL_WEIGHT));
                weights += d.weight();
            } else {
                weights += d.weight();
            }
            if (d.indicators().isEmpty()) {
                problems.add(new Problem(d.where(), "domain " + d.id() + " has no indicators"));
            }
            for (IndicatorDraft i : d.indicators()) {
                id(problems, i.where(), "indicator", i.id(), indicatorIds);
                names(problems, i.where(), i.nameZh(), i.nameEn());
                anchors(problems, i.where(), "Chinese", i.anchorsZh());
                anchors(problems, i.where(), "English", i.anchorsEn());
            }
        }
        if (weightsKnown && weights != TOTAL_WEIGHT) {
            problems.add(new Problem("domains", "the domain weights sum to " + weights + ", not " + TOTAL_WEIGHT));
        }
        return problems;
    }

    private static void id(List<Problem> problems, String where, String what, String id, Map<String, String> seen) {
        if (id == null || !ID.matcher(id.trim()).matches()) {
            problems.add(new Problem(where, "the " + what + " id '" + (id == null ? "" : id)
                    + "' is not 1-16 letters, digits, '.', '_' or '-'"));
            return;
        }
        String earlier = seen.putIfAbsent(id.trim(), where);
        if (earlier != null) {
            problems.add(new Problem(where, "the " + what + " id " + id.trim() + " is used already at " + earlier));
        }
    }

    private static void names(List<Problem> problems, String where, String zh, String en) {
        if (zh == null || zh.isBlank()) {
            problems.add(new Problem(where, "the Chinese name is missing"));
        } else if (zh.length() > NAME_MAX) {
            problems.add(new Problem(where, "the Chinese name is longer than " + NAME_MAX));
        }
        if (en == null || en.isBlank()) {
            problems.add(new Problem(where, "the English name is missing"));
        } else if (en.length() > NAME_MAX) {
            problems.add(new Problem(where, "the English name is longer than " + NAME_MAX));
        }
    }

    private static void anchors(List<Problem> problems, String where, String language, List<String> anchors) {
        if (anchors.size() != Framework.LEVELS) {
            problems.add(new Problem(where, "has " + anchors.size() + " " + language + " anchors, needs "
                    + Framework.LEVELS + " (levels 0-4)"));
            return;
        }
        for (int level = 0; level < anchors.size(); level++) {
            String a = anchors.get(level);
            if (a == null || a.isBlank()) {
                problems.add(new Problem(where, "the " + language + " anchor of level " + level + " is empty"));
            } else if (a.length() > ANCHOR_MAX) {
                problems.add(new Problem(where, "the " + language + " anchor of level " + level + " is longer than " + ANCHOR_MAX));
            }
        }
    }
}
