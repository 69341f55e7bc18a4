/**
 * The registry's REST API, exactly as {@code docs/registry-api.md} describes it. Resources translate
 * HTTP to use cases and back (201 with a Location, problems from the kernel's mappers) and hold no
 * rules: the role half of security is here ({@code @RolesAllowed}), the scope half in the use cases.
 */
package city.yingzao.registry.api;
