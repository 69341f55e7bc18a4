package city.yingzao.evaluation.api;

import city.yingzao.evaluation.application.EvaluationService.OnDemand;
import city.yingzao.evaluation.application.ResultService.Revision;
import city.yingzao.evaluation.application.SheetService.LevelInput;
import city.yingzao.evaluation.application.SheetService.QaInput;
import city.yingzao.evaluation.application.SheetService.SheetInput;
import city.yingzao.evaluation.domain.FrameworkDraft;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Request bodies: shapes and lengths here; the rules are checked by the domain. */
final class Requests {

    static final String CODE = "[A-Za-z0-9._:-]{1,64}";
    static final String COMMUNITY = "[A-Za-z0-9-]{3,32}";

    private Requests() {
    }

    /** A framework version as JSON (E1), the same shape as its export. */
    record FrameworkDocument(@NotBlank @Size(max = 64) String version, @Size(max = 200) String title, Boolean provisional,
                             @NotNull @Size(max = 50) List<@Valid DomainDocument> domains) {
        FrameworkDraft toDraft() {
            List<FrameworkDraft.DomainDraft> drafts = new ArrayList<>();
            for (int d = 0; d < domains.size(); d++) {
                DomainDocument doc = domains.get(d);
                if (doc == null) {
                    drafts.add(new FrameworkDraft.DomainDraft("domains[" + d + "]", null, null, null, null, List.of()));
                    continue;
                }
                List<FrameworkDraft.IndicatorDraft> indicators = new ArrayList<>();
                List<IndicatorDocument> given = doc.indicators() == null ? List.of() : doc.indicators();
                for (int i = 0; i < given.size(); i++) {
                    IndicatorDocument ind = given.get(i);
                    String where = "domains[" + d + "].indicators[" + i + "]";
                    indicators.add(ind == null ? new FrameworkDraft.IndicatorDraft(where, null, null, null, null, null)
                            : new FrameworkDraft.IndicatorDraft(where, ind.id(), ind.nameZh(), ind.nameEn(), ind.anchorsZh(), ind.anchorsEn()));
                }
                drafts.add(new FrameworkDraft.DomainDraft("domains[" + d + "]", doc.id(), doc.nameZh(), doc.nameEn(), doc.weight(), indicators));
            }
            return new FrameworkDraft(version, title, drafts);
        }
    }

    record DomainDocument(@Size(max = 16) String id, @Size(max = 200) String nameZh, @Size(max = 200) String nameEn, Integer weight,
                          @Size(max = 200) List<@Valid IndicatorDocument> indicators) {
    }

    record IndicatorDocument(@Size(max = 16) String id, @Size(max = 200) String nameZh, @Size(max = 200) String nameEn,
                             @Size(max = 10) List<@Size(max = 500) String> anchorsZh,
                             @Size(max = 10) List<@Size(max = 500) String> anchorsEn) {
    }

    record EvaluationRequest(@NotBlank @Pattern(regexp = CODE) String projectId, @Pattern(regexp = CODE) String callId,
                             @NotBlank @Pattern(regexp = CODE) String organisationCode,
                             @NotBlank @Pattern(regexp = COMMUNITY) String communityCode,
                             @NotBlank @Size(max = 500) String title,
                             @Pattern(regexp = "MID_TERM|FINAL|ON_DEMAND") String kind, LocalDate projectStartsOn,
                             @NotNull LocalDate windowOpensOn, @NotNull LocalDate windowClosesOn,
                             @Size(max = 64) String frameworkVersion) {
        OnDemand toOnDemand() {
            return new OnDemand(projectId, callId, organisationCode, communityCode, title, kind, projectStartsOn, windowOpensOn,
                    windowClosesOn, frameworkVersion);
        }
    }

    record CancelRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record AssignRequest(@NotBlank @Size(max = 100) String evaluatorId, @Size(max = 1000) String reason) {
    }

    record RemoveRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record LevelRequest(@NotBlank @Size(max = 16) String indicatorId, @NotNull @Min(0) @Max(4) Integer level,
                        @Size(max = 20) List<@NotBlank @Size(max = 500) String> evidence, @Size(max = 2000) String notes,
                        Instant recordedAt) {
        LevelInput toInput() {
            return new LevelInput(indicatorId, level, evidence, notes, recordedAt);
        }
    }

    record QaRequest(@NotBlank @Size(max = 2000) String question, @Size(max = 2000) String answer, Instant askedAt) {
        QaInput toInput() {
            return new QaInput(question, answer, askedAt);
        }
    }

    /** A sheet, as a draft or submitted whole; from an offline client with its own id and timestamps. */
    record SheetRequest(UUID clientId, @Min(0) Long baseRevision, Instant clientStartedAt, Instant clientSubmittedAt,
                        @NotNull @Size(max = 500) List<@NotNull @Valid LevelRequest> levels,
                        @Size(max = 200) List<@NotNull @Valid QaRequest> qa, @Size(max = 4000) String feedback) {
        SheetInput toInput() {
            return new SheetInput(clientId, baseRevision, clientStartedAt, clientSubmittedAt,
                    levels.stream().map(LevelRequest::toInput).toList(),
                    qa == null ? List.of() : qa.stream().map(QaRequest::toInput).toList(), feedback);
        }
    }

    record RevisionChange(@NotBlank @Size(max = 16) String indicatorId, @NotNull @Min(0) @Max(4) Integer level) {
    }

    record RevisionRequest(@NotNull @Size(min = 1, max = 500) List<@NotNull @Valid RevisionChange> changes,
                           @NotBlank @Size(max = 1000) String reason) {
        List<Revision> toRevisions() {
            return changes.stream().map(c -> new Revision(c.indicatorId(), c.level())).toList();
        }
    }

    record NoteRequest(@NotBlank @Size(max = 4000) String note) {
    }

    record ResponseRequest(@NotBlank @Size(max = 4000) String text) {
    }

    record AppealRequest(@NotBlank @Size(max = 4000) String reason) {
    }

    record DecisionRequest(@NotNull Boolean upheld, @NotBlank @Size(max = 4000) String reason) {
    }
}
