/** Use cases: one transaction each, role checked by the resource, scope and rules checked here. */
package city.yingzao.deliberation.application;
