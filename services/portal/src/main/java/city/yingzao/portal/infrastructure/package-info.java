/**
 * REST clients of the six services. Each call carries the signed-in person's access token
 * ({@link city.yingzao.portal.infrastructure.AccessTokenHeaders}), so every service keeps checking
 * role and scope itself; a problem answer becomes a {@link city.yingzao.portal.application.ServiceProblem}.
 */
package city.yingzao.portal.infrastructure;
