/**
 * The participatory evaluation rules E1-E6 as plain Java: the versioned framework of domains and
 * indicators with its validation and CSV form (E1), certificate and conflict checks for evaluators
 * (E2, E3), the scoring arithmetic, grades and disagreement flags (E6), the release and appeal rules
 * (E5). No framework here: policies take what they need and return a
 * {@link city.yingzao.kernel.rules.Rejection} that names the rule broken.
 */
package city.yingzao.evaluation.domain;
