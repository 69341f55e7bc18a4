/**
 * Kafka consumers (kernel {@code IdempotentConsumer}): the map's outcomes from {@code finance.projects},
 * {@code grants.projects} and {@code evaluation.results}, kept locally; training never calls those services.
 * The registry replica's consumers come with {@code yingzao-replica}.
 */
package city.yingzao.training.infrastructure.messaging;
