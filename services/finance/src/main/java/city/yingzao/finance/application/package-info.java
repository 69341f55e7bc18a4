/**
 * The use cases: each checks role scope through {@link city.yingzao.finance.application.Access},
 * asks the domain's rule policies, writes through the stores and appends the events to the outbox
 * in the same transaction.
 */
package city.yingzao.finance.application;
