package city.yingzao.grants.domain;

/** One criterion of a call's rubric with its weight (G3: e.g. need, design, team, community fit). */
public record Criterion(String code, String name, int weight) {
}
