/**
 * The rules of deliberation 协商议事 (D1-D13) as plain Java: small policies named after the rule,
 * each returning {@link city.yingzao.kernel.rules.Rejection}s a person can read. No framework here.
 */
package city.yingzao.deliberation.domain;
