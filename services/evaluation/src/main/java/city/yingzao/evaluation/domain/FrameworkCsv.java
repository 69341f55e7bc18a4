package city.yingzao.evaluation.domain;

import city.yingzao.evaluation.domain.FrameworkDraft.DomainDraft;
import city.yingzao.evaluation.domain.FrameworkDraft.IndicatorDraft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A framework as a CSV file (E1), one row per indicator, RFC 4180 quoting, UTF-8, header first:
 * {@code domain_id, domain_zh, domain_en, domain_weight, indicator_id, indicator_zh, indicator_en,
 * anchor_0_zh … anchor_4_zh, anchor_0_en … anchor_4_en}. A domain's rows repeat its names and
 * weight; rows are numbered as a spreadsheet shows them (the header is row 1).
 */
public final class FrameworkCsv {

    public static final List<String> HEADER;

    static {
        List<String> h = new ArrayList<>(List.of("domain_id", "domain_zh", "domain_en", "domain_weight", "indicator_id",
                "indicator_zh", "indicator_en"));
        for (int l = 0; l < Framework.LEVELS; l++) {
            h.add("anchor_" + l + "_zh");
        }
        for (int l = 0; l < Framework.LEVELS; l++) {
            h.add("anchor_" + l + "_en");
        }
        HEADER = List.copyOf(h);
    }

    private FrameworkCsv() {
    }

    /** What a CSV file says, and what could not be read at all (problems found before validation). */
    public record Parsed(FrameworkDraft draft, List<FrameworkValidation.Problem> problems) {
    }

    public static String write(Framework f) {
        StringBuilder out = new StringBuilder();
        line(out, HEADER);
        for (Framework.Domain d : f.domains()) {
            for (Framework.Indicator i : d.indicators()) {
                List<String> row = new ArrayList<>(List.of(d.id(), d.nameZh(), d.nameEn(), String.valueOf(d.weight()), i.id(),
                        i.nameZh(), i.nameEn()));
                row.addAll(i.anchorsZh());
                row.addAll(i.anchorsEn());
                line(out, row);
            }
        }
        return out.toString();
    }

    public static Parsed parse(String version, String title, String text) {
        List<FrameworkValidation.Problem> problems = new ArrayList<>();
        List<List<String>> rows;
        try {
            rows = records(text == null ? "" : text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IllegalArgumentException e) {
            problems.add(new FrameworkValidation.Problem("file", e.getMessage()));
            return new Parsed(new FrameworkDraft(version, title, List.of()), problems);
        }
        if (rows.isEmpty() || !rows.get(0).stream().map(String::trim).toList().equals(HEADER)) {
            problems.add(new FrameworkValidation.Problem("row 1", "the header must be " + String.join(",", HEADER)));
            return new Parsed(new FrameworkDraft(version, title, List.of()), problems);
        }
        Map<String, DomainRows> domains = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            String where = "row " + (r + 1);
            if (row.size() == 1 && row.get(0).isBlank()) {
                continue;
            }
            if (row.size() != HEADER.size()) {
                problems.add(new FrameworkValidation.Problem(where, "has " + row.size() + " columns, needs " + HEADER.size()));
                continue;
            }
            String domainId = row.get(0).trim();
            Integer weight = null;
            try {
                weight = Integer.valueOf(row.get(3).trim());
            } catch (NumberFormatException e) {
                problems.add(new FrameworkValidation.Problem(where, "domain_weight '" + row.get(3) + "' is not a whole number"));
            }
            DomainRows d = domains.get(domainId);
            if (d == null) {
                d = new DomainRows(where, domainId, row.get(1), row.get(2), weight);
                domains.put(domainId, d);
            } else if (weight != null && d.weight != null && !weight.equals(d.weight)) {
                problems.add(new FrameworkValidation.Problem(where, "domain " + domainId + " has weight " + weight + " here but "
                        + d.weight + " at " + d.where));
            } else if (!d.nameZh.equals(row.get(1)) || !d.nameEn.equals(row.get(2))) {
                problems.add(new FrameworkValidation.Problem(where, "domain " + domainId + " is named differently than at " + d.where));
            }
            d.indicators.add(new IndicatorDraft(where, row.get(4), row.get(5), row.get(6),
                    row.subList(7, 7 + Framework.LEVELS), row.subList(7 + Framework.LEVELS, 7 + 2 * Framework.LEVELS)));
        }
        List<DomainDraft> drafts = domains.values().stream()
                .map(d -> new DomainDraft(d.where, d.id, d.nameZh, d.nameEn, d.weight, d.indicators)).toList();
        return new Parsed(new FrameworkDraft(version, title, drafts), problems);
    }

    private static final class DomainRows {
        final String where;
        final String id;
        final String nameZh;
        final String nameEn;
        final Integer weight;
        final List<IndicatorDraft> indicators = new ArrayList<>();

        DomainRows(String where, String id, String nameZh, String nameEn, Integer weight) {
            this.where = where;
            this.id = id;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.weight = weight;
        }
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }

    /** RFC 4180 records; a quote left open is an error. */
    static List<List<String>> records(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted cell is not closed before the end of the file");
        }
        if (any) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
