package city.yingzao.training.infrastructure.messaging;

import city.yingzao.contracts.EventType;
import city.yingzao.contracts.IntegrationEvent;

/** The payload class of a CloudEvents type of the contracts; an unknown type is read as {@code fallback} (and dead-lettered if it is not one). */
final class EventTypes {

    private EventTypes() {
    }

    static Class<? extends IntegrationEvent> payloadOf(String ceType, Class<? extends IntegrationEvent> fallback) {
        try {
            return ceType == null ? fallback : EventType.ofCeType(ceType).payloadType();
        } catch (IllegalArgumentException unknown) {
            return fallback;
        }
    }
}
