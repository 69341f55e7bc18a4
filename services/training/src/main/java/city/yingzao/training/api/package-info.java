/**
 * REST resources (role checks by annotation, scope in the application) and their request records
 * (shapes checked by Bean Validation; rules by the domain). Public reads live under {@code /api/public}.
 */
package city.yingzao.training.api;
