/** Persistence of frameworks, evaluations, assignments, sheets, moderation and appeals (plain JDBC). */
package city.yingzao.evaluation.infrastructure;
