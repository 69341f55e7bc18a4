/**
 * The pages: JAX-RS resources that render Qute templates (type-safe, {@code @CheckedTemplate}), in the
 * visitor's language, and the form posts that call the use cases.
 */
package city.yingzao.portal.api;
