package city.yingzao.evaluation.domain;

import java.util.List;

/**
 * A framework as imported, before validation (E1): every part may be missing or wrong, and each
 * domain and indicator carries where it came from ({@code row 7} of a CSV file,
 * {@code domains[1].indicators[3]} of a JSON document) so a problem names its row.
 */
public record FrameworkDraft(String version, String title, List<DomainDraft> domains) {

    public FrameworkDraft {
        domains = domains == null ? List.of() : domains.stream().map(d -> d).toList();
    }

    public record DomainDraft(String where, String id, String nameZh, String nameEn, Integer weight,
                              List<IndicatorDraft> indicators) {
        public DomainDraft {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    public record IndicatorDraft(String where, String id, String nameZh, String nameEn, List<String> anchorsZh,
                                 List<String> anchorsEn) {
        public IndicatorDraft {
            anchorsZh = anchorsZh == null ? List.of() : anchorsZh.stream().map(a -> a).toList();
            anchorsEn = anchorsEn == null ? List.of() : anchorsEn.stream().map(a -> a).toList();
        }
    }

    /** The framework this draft describes; call only when {@link FrameworkValidation#problems} found none. */
    public Framework toFramework(boolean provisional) {
        return new Framework(version.trim(), title == null || title.isBlank() ? version.trim() : title.trim(), provisional,
                domains.stream().map(d -> new Framework.Domain(d.id().trim(), d.nameZh().trim(), d.nameEn().trim(), d.weight(),
                        d.indicators().stream().map(i -> new Framework.Indicator(i.id().trim(), i.nameZh().trim(),
                                i.nameEn().trim(), i.anchorsZh().stream().map(String::trim).toList(),
                                i.anchorsEn().stream().map(String::trim).toList())).toList())).toList());
    }

    /** The draft of an existing framework (export, then import again). */
    public static FrameworkDraft of(Framework f) {
        return new FrameworkDraft(f.version(), f.title(), f.domains().stream()
                .map(d -> new DomainDraft(d.id(), d.id(), d.nameZh(), d.nameEn(), d.weight(), d.indicators().stream()
                        .map(i -> new IndicatorDraft(i.id(), i.id(), i.nameZh(), i.nameEn(), i.anchorsZh(), i.anchorsEn()))
                        .toList()))
                .toList());
    }
}
