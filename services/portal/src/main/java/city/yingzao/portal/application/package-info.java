/**
 * The pages' use cases: what to fetch from which service for a page, with the signed-in person's own
 * token, and how a service's refusal (a problem) becomes a message on the page.
 */
package city.yingzao.portal.application;
