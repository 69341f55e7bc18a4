package city.yingzao.portal.api;

import io.quarkus.qute.i18n.MessageBundle;

/**
 * The portal's words, {@code {msg:key}} in templates: zh-CN in {@code messages/msg_zh_CN.properties}
 * (the default), English in {@code messages/msg_en.properties}. {@code PortalMessagesTest} checks that
 * both files have the same keys and that no template holds a word outside a bundle.
 */
@MessageBundle(value = "msg", locale = "zh-CN")
public interface Msg {

    String app_name();

    String app_tagline();

    String nav_home();

    String nav_communities();

    String nav_map();

    String nav_grants();

    String nav_certificates();

    String nav_signIn();

    String nav_signOut();

    String nav_skip();

    String lang_switch();

    String home_title();

    String home_lead();

    String pager_label();

    String pager_previous();

    String pager_next();

    String pager_position(int number, int total);

    String error_title(String kind);

    String error_hint(String kind);

    String me_title();

    String me_greeting(String name);

    String me_lead();

    String me_no_work();

    String role(String role);

    String role_work(String role);

    String me_proposals();

    String me_resolutions();

    String me_fund();

    String done(String code);
}
