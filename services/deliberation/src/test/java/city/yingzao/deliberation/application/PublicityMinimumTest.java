package city.yingzao.deliberation.application;

import city.yingzao.kernel.settings.SettingDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("D9 the publicity period cannot be set to 0 days outside a demonstration")
class PublicityMinimumTest {

    /** The configuration a deployment runs with: the defaults, and the given minimum. */
    static DeliberationConfig configWithMinimum(int minimum) {
        return (DeliberationConfig) Proxy.newProxyInstance(DeliberationConfig.class.getClassLoader(),
                new Class<?>[] {DeliberationConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "publicityDays" -> 7;
                    case "publicityMinimumDays" -> minimum;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    @DisplayName("D9 with the deployed minimum of 1 day, an operator's 0 is refused with a reason; 1 and 7 are accepted")
    void zeroRefusedInDeployments() {
        SettingDefinition days = new DeliberationSettings().publicityDays(configWithMinimum(1));

        assertThat(days.check().apply("0")).hasValueSatisfying(reason -> assertThat(reason).startsWith("must be at least 1 day"));
        assertThat(days.check().apply("1")).isEmpty();
        assertThat(days.check().apply("7")).isEmpty();
        assertThat(days.check().apply("91")).isPresent();
    }

    @Test
    @DisplayName("D9 a demonstration (minimum 0) may adopt at once")
    void zeroAllowedInDemonstrations() {
        assertThat(new DeliberationSettings().publicityDays(configWithMinimum(0)).check().apply("0")).isEmpty();
    }

    @Test
    @DisplayName("D9 a deployment's default minimum is 1 day")
    void defaultMinimumIsOneDay() throws NoSuchMethodException {
        assertThat(DeliberationConfig.class.getMethod("publicityMinimumDays")
                .getAnnotation(io.smallrye.config.WithDefault.class).value()).isEqualTo("1");
    }
}
