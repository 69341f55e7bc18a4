package city.yingzao.finance.domain;

import city.yingzao.kernel.rules.Rejection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * F5: a project spends on one of the six categories, and neither its category nor its declared
 * purpose falls on the negative list (government duties, private costs). The purpose check is a
 * short keyword list, Chinese and English, that catches the common cases an operator would name;
 * the council and the public disclosure catch the rest.
 */
public final class SpendingPolicy {

    /** Words that mark a government duty or a private cost when they appear in a declared purpose. */
    static final List<String> NEGATIVE_LIST = List.of(
            "工资", "薪酬", "办公经费", "行政经费", "公务接待", "salary", "salaries", "wages", "office expenses",
            "official reception", "私人", "自家", "private residence", "private car", "own flat", "own home");

    private SpendingPolicy() {
    }

    // F5: the six categories only; government duties and private costs are on the negative list
    public static Optional<Rejection> check(SpendingCategory category, String title, String purpose) {
        if (!category.eligible()) {
            return Optional.of(new Rejection("F5", "category " + category + " is on the negative list: "
                    + (category == SpendingCategory.GOVERNMENT_DUTY
                    ? "government duties are paid by the departments responsible"
                    : "private costs of a person or household are not public spending")));
        }
        String text = ((title == null ? "" : title) + " " + (purpose == null ? "" : purpose)).toLowerCase(Locale.ROOT);
        return NEGATIVE_LIST.stream().filter(text::contains).findFirst()
                .map(word -> new Rejection("F5", "the declared purpose mentions \"" + word
                        + "\", which is on the negative list (government duties, private costs)"));
    }
}
