package city.yingzao.training.domain;

/** T2: how a course is taught. */
public enum Delivery {
    ONLINE, OFFLINE, BLENDED
}
