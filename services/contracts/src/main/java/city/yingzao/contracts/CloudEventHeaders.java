package city.yingzao.contracts;

/**
 * CloudEvents 1.0 attributes as Kafka headers (binary content mode of the Kafka protocol binding):
 * each attribute is a header named {@code ce_<attribute>}, the payload is the record value.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION_VALUE = "1.0";

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    /** The community code the event is about. */
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }
}
