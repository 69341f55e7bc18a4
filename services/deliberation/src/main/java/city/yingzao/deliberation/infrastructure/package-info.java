/** Persistence: Panache entities over the tables of {@code V1__deliberation.sql}, the registry replica, the Kafka consumers. */
package city.yingzao.deliberation.infrastructure;
