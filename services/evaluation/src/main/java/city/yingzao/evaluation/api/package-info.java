/** REST resources and request records of the evaluation service. */
package city.yingzao.evaluation.api;
