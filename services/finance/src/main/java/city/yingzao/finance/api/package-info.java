/**
 * The service's inbound edges: REST resources (role checks by annotation, scope in the
 * application) and the Kafka consumers of the registry's snapshots and the councils' decisions.
 */
package city.yingzao.finance.api;
