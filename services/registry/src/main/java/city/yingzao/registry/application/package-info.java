/**
 * Use cases of the registry. Each service is one transaction: it checks the caller's scope, asks the
 * domain policies, changes state and appends the resulting snapshot event to the outbox, so the
 * change and its event commit together or not at all.
 */
package city.yingzao.registry.application;
