package city.yingzao.portal.api;

import io.quarkus.qute.i18n.MessageBundle;

/** Words of the grants, evaluation and training pages, {@code {work:key}}: {@code messages/work_zh_CN.properties} and {@code work_en.properties}. */
@MessageBundle(value = "work", locale = "zh-CN")
public interface Work {

    String grants_title();

    String grants_lead();

    String grants_awards_count();

    String grants_awarded();

    String grants_released();

    String grants_calls();

    String grants_calls_none();

    String grants_awards();

    String grants_awards_none();

    String grants_releases();

    String grants_to_evaluations();

    String col_call();

    String col_year();

    String col_opens();

    String col_closes();

    String col_budget();

    String col_max();

    String col_split();

    String col_project();

    String col_organisation();

    String col_target();

    String col_pivot();

    String col_period();

    String col_status();

    String col_awarded();

    String col_released();

    String col_tranche();

    String col_condition();

    String col_released_at();

    String col_amount();

    String col_kind();

    String col_framework();

    String col_overall();

    String col_grade();

    String col_passed();

    String col_application();

    String col_requested();

    String col_updated();

    String col_item();

    String col_report();

    String col_period_report();

    String col_filed();

    String col_review();

    String col_window();

    String col_sheet();

    String col_day();

    String col_log_type();

    String col_summary();

    String col_session();

    String col_course();

    String col_place();

    String col_meetings();

    String col_starts();

    String col_ends();

    String col_action();

    String col_version();

    String col_completed();

    String col_community();

    String col_district();

    String col_account();

    String col_sequence();

    String col_problem();

    String yes();

    String no();

    String final_result();

    String choose();

    String closes_on(java.time.LocalDate date);

    String evaluations_title();

    String evaluations_lead();

    String evaluations_none();

    String cert_title();

    String cert_lead();

    String cert_code();

    String cert_code_hint();

    String cert_check();

    String cert_holder();

    String cert_scheme();

    String cert_valid();

    String cert_unknown();

    String cert_invalid();

    String standing(String standing);

    String map_title();

    String map_lead();

    String map_island_label();

    String map_communities();

    String map_tours();

    String map_tours_none();

    String map_col_stage();

    String map_col_specialities();

    String map_col_lng();

    String map_col_lat();

    String map_col_tour();

    String map_col_theme();

    String map_col_route();

    String pivot(String pivot);

    String status(String status);

    String tranche_status(String status);

    String condition(String condition);

    String kind(String kind);

    String grade(String grade);

    String seat(String seat);

    String log_type(String type);

    String notice(String notice);

    String agency_title();

    String agency_calls();

    String agency_apply();

    String agency_applications();

    String agency_applications_none();

    String agency_projects();

    String agency_projects_none();

    String back_agency();

    String apply_title();

    String apply_max(String amount);

    String apply_amount_invalid();

    String apply_field_title();

    String apply_field_target();

    String apply_target_hint();

    String apply_field_requested();

    String apply_budget();

    String apply_budget_item(int n);

    String apply_budget_amount(int n);

    String apply_team();

    String apply_team_name(int n);

    String apply_team_role(int n);

    String apply_field_logic();

    String apply_save();

    String application_submit_hint();

    String application_submit();

    String application_timeline();

    String project_missing_seats();

    String project_tranches();

    String project_reports();

    String project_reports_none();

    String report_file();

    String report_field_title();

    String report_field_period();

    String report_field_body();

    String report_submit();

    String report_waiting();

    String report_reviewed();

    String reviewer_title();

    String reviewer_none();

    String back_reviewer();

    String review_scored();

    String review_todo();

    String review_scores();

    String review_weight(int weight);

    String review_scale(int max);

    String review_save();

    String conflict_title();

    String conflict_reason();

    String conflict_declare();

    String evaluator_title();

    String evaluator_none();

    String evaluator_open_sheet();

    String back_evaluator();

    String sheet_title();

    String sheet_meta(String version, int indicators);

    String sheet_submitted_at(String at);

    String sheet_weight(int weight);

    String sheet_feedback();

    String sheet_save_draft();

    String sheet_submit();

    String sheet_refused();

    String sheet_sync();

    String sheet_unsent_nojs();

    String sheet_unsent();

    String sheet_all_sent();

    String sheet_offline();

    String sheet_signin_again();

    String sheet_send_refused();

    String sheet_sent();

    String sheet_queued();

    String sheet_draft_kept();

    String supervisor_title();

    String supervisor_none();

    String back_supervisor();

    String supervisor_logs();

    String supervisor_logs_none();

    String supervisor_write();

    String supervisor_save();

    String trainer_title();

    String trainer_none();

    String back_trainer();

    String trainer_meetings();

    String trainer_meeting();

    String trainer_show_code();

    String trainer_code_for(int seq);

    String trainer_code_until(String at);

    String trainer_enrolments();

    String trainer_enrolments_none();

    String trainer_mark_present();

    String trainer_attended(int count);

    String trainer_completed();

    String trainer_save_attendance();

    String learner_title();

    String learner_sessions();

    String learner_sessions_none();

    String learner_self_mark();

    String learner_code();

    String learner_mark();

    String learner_transcript();

    String learner_transcript_none();

    String learner_certificates();

    String learner_certificates_none();

    String auditor_title();

    String auditor_lead();

    String auditor_community();

    String auditor_run();

    String auditor_finance();

    String auditor_intact(long entries, long accounts);

    String auditor_broken(int breaks);

    String auditor_budget(int year);

    String auditor_budget_intact(int entries);

    String auditor_budget_broken();

    String auditor_no_programme(int year);
}
