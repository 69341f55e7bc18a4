/** Grants persistence: JDBC stores over the service's own PostgreSQL database. */
package city.yingzao.grants.infrastructure;
