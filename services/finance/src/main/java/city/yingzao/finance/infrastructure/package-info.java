/**
 * Persistence in plain SQL over the service's PostgreSQL database: the registry replica, fund
 * policies, allocations, the append-only ledger, projects, vote rounds and micro-funds. Writes run
 * inside the caller's transaction (the connection is the transaction's), set-based where volumes
 * are city-wide.
 */
package city.yingzao.finance.infrastructure;
