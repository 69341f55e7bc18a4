package city.yingzao.grants.domain;

/** G5: how supervision happened (专题线上, 预约, 现场, 专家专栏, 日常). */
public enum SupervisionLogType {
    THEMATIC_ONLINE, BY_APPOINTMENT, ON_SITE, EXPERT_COLUMN, ROUTINE
}
