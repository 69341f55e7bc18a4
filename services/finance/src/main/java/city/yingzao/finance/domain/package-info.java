/**
 * The finance rules F1-F9 as plain Java: money in fen ({@link city.yingzao.finance.domain.Money}),
 * the fund policy and the allocation arithmetic (F2-F4), balanced and hash-chained ledger entries
 * (F1, F8), spending categories and the negative list (F5), the nine steps and their gates (F6),
 * one household one vote (F7) and micro-funds (F9). No framework here: policies take what they
 * need and return a {@link city.yingzao.kernel.rules.Rejection} that names the rule broken.
 */
package city.yingzao.finance.domain;
