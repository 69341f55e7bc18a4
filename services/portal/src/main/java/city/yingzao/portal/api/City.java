package city.yingzao.portal.api;

import io.quarkus.qute.i18n.MessageBundle;

/** Words of the operator, community-staff finance and household-vote pages, {@code {city:key}}: {@code messages/city_zh_CN.properties} and {@code city_en.properties}. */
@MessageBundle(value = "city", locale = "zh-CN")
public interface City {

    String op_nav();

    String op_dashboard();

    String op_city();

    String op_policy();

    String op_settings();

    String op_totals();

    String show();

    String crumbs();

    String csv();

    String coverage_title();

    String coverage_line(long running, long communities, int target);

    String coverage_met();

    String coverage_not_met();

    String allocations_title();

    String allocations_line(long count, String cityShare, String districtShare);

    String awards_title();

    String awards_line(int awards, String released);

    String awards_none();

    String districts_title();

    String chart_coverage();

    String chart_money();

    String chart_running();

    String chart_not_running();

    String chart_stages();

    String chart_communities();

    String chart_unit_communities();

    String chart_unit_yuan();

    String communities_title();

    String communities_count(long count);

    String calls_title();

    String calls_none();

    String grades_title();

    String grades_hidden();

    String grades_none();

    String use_title();

    String use_none();

    String not_allocated();

    String public_disclosure();

    String col_year();

    String col_district();

    String col_tier();

    String col_communities();

    String col_running();

    String col_share();

    String col_allocated();

    String col_total();

    String col_city_share();

    String col_district_share();

    String col_community();

    String col_kind();

    String col_stage();

    String col_households();

    String col_basis();

    String col_title();

    String col_status();

    String col_budget();

    String col_budget_yuan();

    String col_contribution_yuan();

    String col_paid();

    String col_organisation();

    String col_target();

    String col_awarded();

    String col_released();

    String col_grade();

    String col_count();

    String col_category();

    String col_projects();

    String col_item();

    String col_value();

    String col_default();

    String col_setting();

    String col_rule();

    String col_when();

    String col_who();

    String col_old();

    String col_new();

    String col_account();

    String col_balance();

    String col_ballots();

    String col_step();

    String col_purpose();

    String col_urgency();

    String col_household();

    String col_sheet();

    String col_outcome();

    String tier(String tier);

    String kind(String kind);

    String stage(int stage);

    String basis(String basis);

    String call_status(String status);

    String category(String category);

    String urgency(String urgency);

    String account_kind(String kind);

    String donor(String donor);

    String ended(String how);

    String service(String service);

    String policy_rural();

    String policy_urban();

    String policy_main();

    String policy_near();

    String policy_far();

    String policy_revision();

    String policy_defaults();

    String policy_change();

    String reason();

    String save();

    String audit_title();

    String audit_none();

    String who_you();

    String who_other();

    String notice_policy();

    String notice_setting();

    String settings_lead();

    String settings_none();

    String service_unavailable();

    String setting_default();

    String setting_change();

    String staff_nav();

    String staff_fund();

    String staff_microfund();

    String accounts_title();

    String projects_title();

    String projects_none();

    String propose_title();

    String propose();

    String rounds_title();

    String rounds_none();

    String round_open_title();

    String round_candidates();

    String round_open();

    String step_of(int step);

    String decisions_title();

    String next_step(int step);

    String next_step_hint();

    String note();

    String record_step(int step);

    String hearing_title();

    String hearing_done(Integer attendees);

    String hearing_summary();

    String hearing_attendees();

    String hearing_record();

    String payment_title();

    String payment_hint();

    String amount_yuan();

    String memo();

    String pay();

    String end_title();

    String withdraw_reason();

    String withdraw();

    String reject_reason();

    String reject();

    String notice(String done);

    String notice_opened();

    String notice_closed();

    String paper_title();

    String paper_hint();

    String sheet_label(int row);

    String household_label(int row);

    String approve_label(int row, String title);

    String paper_submit();

    String stack_result(int accepted, int refused);

    String stack_recorded();

    String close_hint();

    String close_round();

    String microfund_lead();

    String donation_title();

    String donor_type();

    String donor_name();

    String donor_name_hint();

    String donation_record();

    String grant_title();

    String org_code();

    String grant_record();

    String form_invalid_amount();

    String form_reason_needed();

    String form_value_needed();

    String form_title_needed();

    String form_step_needed();

    String form_too_long();

    String form_hearing_needed();

    String form_purpose_needed();

    String form_stack_empty();

    String vote_title();

    String vote_household(String household);

    String vote_lead();

    String vote_none_open();

    String vote_round();

    String vote_closes(String at);

    String vote_legend(int max);

    String vote_count_live();

    String vote_count_static(int max);

    String vote_submit();

    String voted(String channel, String at);

    String vote_closed_title();

    String voted_sheet(String sheet);

    String voted_approvals(int n);

    String payee();

    String voucher();
}
