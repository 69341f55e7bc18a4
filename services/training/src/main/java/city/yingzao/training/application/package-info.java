/**
 * The use cases: each checks role scope through {@link city.yingzao.training.application.Access},
 * asks the domain's policies, writes through the stores and appends certificate events to the
 * outbox in the same transaction. The expiry job and the credential signer live here too.
 */
package city.yingzao.training.application;
