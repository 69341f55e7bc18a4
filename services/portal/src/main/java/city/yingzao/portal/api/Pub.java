package city.yingzao.portal.api;

import io.quarkus.qute.i18n.MessageBundle;

/** Words of the public pages, {@code {pub:key}}: {@code messages/pub_zh_CN.properties} and {@code pub_en.properties}. */
@MessageBundle(value = "pub", locale = "zh-CN")
public interface Pub {

    String communities_title();

    String communities_district();

    String communities_filter();

    String communities_count(long count);

    String col_code();

    String col_name();

    String col_kind();

    String col_district();

    String col_stage();

    String col_year();

    String col_households();

    String col_total();

    String col_city_share();

    String col_district_share();

    String col_basis();

    String col_account();

    String col_balance();

    String col_entries();

    String col_candidate();

    String col_approvals();

    String col_posted();

    String col_memo();

    String col_amount();

    String col_hash();

    String kind(String kind);

    String disclosure_title();

    String disclosure_lead();

    String disclosure_sections();

    String allocations_title();

    String allocations_none();

    String accounts_title();

    String projects_title();

    String projects_none();

    String project_meta(int year, String category);

    String project_paid(String paid, String budget);

    String project_ended(String how);

    String steps_label();

    String step(int n);

    String step_state(String state);

    String votes_title();

    String votes_none();

    String round_status(String status);

    String round_ballots(long ballots, long online, long paper);

    String ledger_title();

    String chain_holds(int entries, int accounts);

    String chain_broken();

    String chain_checked_at(String at);

    String ledger_shown(int shown, long total);

    String ledger_csv();

    String resolutions_link();

    String heads_title();

    String heads_lead();

    String held_sequence();

    String held_hash();

    String held_check();

    String held_holds(String account, long sequence);

    String held_broken(String account, long sequence);
}
