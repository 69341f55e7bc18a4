package city.yingzao.testing;

import city.yingzao.contracts.EventType;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event types a consumer's {@code DuplicateRedeliveryTest} redelivers (the same {@code ce_id}
 * twice, and out of order where order can break) and whose effect it checks happened once.
 *
 * <p>{@code RedeliveryCoverageTest} in the contracts module reads this annotation from the test
 * sources of each consuming module and fails when an event type with a named consumer in
 * {@code docs/events.md} has no redelivery test in that consumer's module. Write the types as
 * {@code EventType.X} constants so the check can read them from the source text.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Redelivered {

    /** The event types this test redelivers into the module's consumers. */
    EventType[] value();
}
