package city.yingzao.portal.api;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/** A bundle's words in a visitor's language, for the few words built in Java (chart legends, form checks). */
final class Words {

    private Words() {
    }

    static City city(Visitor visitor) {
        return MessageBundles.get(City.class, Localized.Literal.of(visitor.lang().tag()));
    }
}
