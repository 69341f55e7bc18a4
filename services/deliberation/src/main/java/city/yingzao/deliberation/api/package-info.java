/** REST resources: translate HTTP to use cases; roles by {@code @RolesAllowed}, scope and rules in the application. */
package city.yingzao.deliberation.api;
