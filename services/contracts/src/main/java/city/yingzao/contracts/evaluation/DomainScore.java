package city.yingzao.contracts.evaluation;

import java.math.BigDecimal;

/**
 * One domain's score in an evaluation result (E6): mean level / 4 x the domain's weight, averaged
 * over the evaluators, two decimals.
 *
 * @param domain the domain's id in the framework version, e.g. {@code D1}
 * @param score  0 to the domain's weight
 */
public record DomainScore(String domain, BigDecimal score) {
}
