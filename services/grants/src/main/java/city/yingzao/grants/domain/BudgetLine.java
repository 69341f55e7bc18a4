package city.yingzao.grants.domain;

/** One line of an application's budget, integer fen. */
public record BudgetLine(String item, long amountFen) {
}
