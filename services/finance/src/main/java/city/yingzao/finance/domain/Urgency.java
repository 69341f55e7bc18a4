package city.yingzao.finance.domain;

/** How urgent residents find a project; one of the things the council weighs at step 4 (F6). */
public enum Urgency {
    LOW, MEDIUM, HIGH
}
