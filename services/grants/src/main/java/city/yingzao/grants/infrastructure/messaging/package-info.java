/** Consumers of evaluation.results and training.certifications, through the kernel's idempotent consumer. */
package city.yingzao.grants.infrastructure.messaging;
