/** Grants domain (G1-G7): plain Java policies named after the rules, returning {@code Rejection(rule, reason)}. */
package city.yingzao.grants.domain;
