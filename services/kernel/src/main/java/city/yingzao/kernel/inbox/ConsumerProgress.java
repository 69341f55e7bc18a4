package city.yingzao.kernel.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The highest offset of each partition whose record this instance has handled (applied, skipped or dead-lettered). */
@ApplicationScoped
public class ConsumerProgress {

    private final Map<TopicPartition, Long> handled = new ConcurrentHashMap<>();

    void applied(ConsumerRecord<?, ?> record) {
        handled.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
    }

    /** The offset after the last record handled on the partition, or 0 when none was. */
    public long next(TopicPartition partition) {
        Long last = handled.get(partition);
        return last == null ? 0 : last + 1;
    }
}
