/**
 * Append-only, hash-chained ledgers shared by the services that move money (finance F8, grants G4):
 * the chain hash, its canonical encoding and its verification. Plain Java; each service keeps its own
 * entries, tables and append-only triggers.
 */
package city.yingzao.kernel.ledger;
