/**
 * What the portal shows, as plain Java: the records the services answer (the portal reads them, never
 * stores them), and the small calculations a page needs (money in yuan, progress towards a threshold,
 * the nine steps, pages of a list). No framework here.
 */
package city.yingzao.portal.domain;
