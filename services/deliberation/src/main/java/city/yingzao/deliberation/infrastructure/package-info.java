/** Persistence: Panache entities over the tables of {@code V1__deliberation.sql}; the registry replica is yingzao-replica's. */
package city.yingzao.deliberation.infrastructure;
