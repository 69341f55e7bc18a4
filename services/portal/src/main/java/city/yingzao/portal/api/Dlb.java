package city.yingzao.portal.api;

import io.quarkus.qute.i18n.MessageBundle;

/** Words of the council, proposal and resolution pages, {@code {dlb:key}}: {@code messages/dlb_zh_CN.properties}, {@code dlb_en.properties}. */
@MessageBundle(value = "dlb", locale = "zh-CN")
public interface Dlb {

    String desk_title();

    String desk_none();

    String level(String level);

    String membership(int n);

    String not_constituted();

    String meetings_title();

    String meetings_none();

    String proposals_title();

    String proposals_none();

    String col_meeting();

    String col_when();

    String col_status();

    String col_present();

    String col_proposal();

    String col_by();

    String col_signatures();

    String col_resolution();

    String col_result();

    String col_seat();

    String col_signed_in();

    String col_by_staff();

    String col_receipt();

    String col_choice();

    String meeting_status(String status);

    String proposer(String kind);

    String proposal_status(String status);

    String you_chair();

    String quorum_title();

    String quorum_line(int present, int membership, int needed);

    String quorate();

    String not_quorate();

    String floor_title();

    String floor_speaking(String side);

    String floor_free();

    String floor_waiting(int n);

    String question_title();

    String motion_status(String status);

    String result(int yes, int no, int abstain);

    String box_line(String status, int issued, int cast, int membership);

    String member_title();

    String sign_in();

    String you_present();

    String floor_ask();

    String side_for();

    String side_against();

    String floor_ask_button();

    String turn_end();

    String motion_text();

    String motion_move();

    String ballot_title();

    String ballot_lead();

    String ballot_strings();

    String ballot_needs_js();

    String chair_title();

    String item_status(String status);

    String item_open();

    String floor_next();

    String put_to_vote();

    String close_issuance();

    String close_vote();

    String close_meeting();

    String publish_minutes();

    String attendance_title();

    String by_staff();

    String see_tally();

    String signatures_line(int signatures, int needed);

    String review_reason();

    String review_title();

    String approve();

    String reject();

    String review_submit();

    String res_proposals_title();

    String res_proposals_lead();

    String you_signed();

    String sign();

    String propose_title();

    String propose_subject();

    String propose_body();

    String propose_submit();

    String res_resolutions_title();

    String res_resolutions_lead();

    String resolutions_none();

    String resolution_status(String status);

    String publicity_until(String until);

    String objections_count(int n);

    String object_label();

    String object_submit();

    String pub_resolutions_title();

    String published();

    String publicity();

    String adopted();

    String objections_title();

    String objections_none();

    String answer();

    String minutes_title();

    String tally_title();

    String tally_counts(int issued, int cast, int uncast, int membership);

    String receipt_label();

    String receipt_check();

    String receipt_found(String choice);

    String receipt_missing();

    String tally_lead();

    String choice(String choice);

    String vote_open_link();
}
