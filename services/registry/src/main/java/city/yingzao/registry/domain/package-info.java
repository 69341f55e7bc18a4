/**
 * The registry's rules as plain Java: the territory hierarchy (P1) of districts, streets,
 * communities, resident groups, courtyards and households; the six-step path (P2); the
 * organisations of a community (P4). No framework here: policies take what they need and return a
 * {@link city.yingzao.kernel.rules.Rejection} that names the rule broken.
 */
package city.yingzao.registry.domain;
