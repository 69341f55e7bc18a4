/** Use cases of the evaluation service: one transaction each, events through the kernel outbox. */
package city.yingzao.evaluation.application;
