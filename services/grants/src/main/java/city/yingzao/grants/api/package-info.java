/** Grants REST resources and their request and response records. */
package city.yingzao.grants.api;
