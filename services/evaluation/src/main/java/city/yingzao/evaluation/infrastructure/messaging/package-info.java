/** Consumers: grants' projects (evaluations and conflicts). */
package city.yingzao.evaluation.infrastructure.messaging;
