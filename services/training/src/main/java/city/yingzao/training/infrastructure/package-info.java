/**
 * Persistence in plain SQL over the service's PostgreSQL database: catalogue, sessions, enrolments,
 * attendance, completions, certificates and their history, the map. Writes run inside the caller's
 * transaction (the connection is the transaction's), so the kernel outbox commits with them.
 */
package city.yingzao.training.infrastructure;
