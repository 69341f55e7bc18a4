/**
 * Persistence of the registry: Panache entities with natural keys (assigned, never IDENTITY, so
 * bulk imports go out as JDBC batches) and their repositories. Only the application layer uses it.
 */
package city.yingzao.registry.infrastructure;
