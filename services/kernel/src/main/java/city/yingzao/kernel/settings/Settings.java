package city.yingzao.kernel.settings;

import city.yingzao.kernel.problem.Problems;
import city.yingzao.kernel.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The programme's numbers as an operator sees them: the configured default until someone changes
 * it, then the changed value; every change recorded with who, when, the old and new value and why.
 */
@ApplicationScoped
public class Settings {

    @Inject
    Instance<SettingDefinition> declared;

    @Inject
    Caller caller;

    /** The value in force, as text. */
    @Transactional
    public String value(String key) {
        SettingDefinition definition = definition(key);
        SettingEntity changed = SettingEntity.findById(key);
        return changed == null ? definition.defaultValue() : changed.value;
    }

    public double decimal(String key) {
        return Double.parseDouble(value(key));
    }

    public long whole(String key) {
        return Long.parseLong(value(key).trim());
    }

    @Transactional
    public List<SettingView> all() {
        Map<String, SettingEntity> changed = SettingEntity.<SettingEntity>listAll().stream()
                .collect(Collectors.toMap(s -> s.key, Function.identity()));
        return definitions().values().stream()
                .sorted(Comparator.comparing(SettingDefinition::key))
                .map(d -> view(d, changed.get(d.key())))
                .toList();
    }

    @Transactional
    public SettingView one(String key) {
        SettingDefinition definition = definition(key);
        return view(definition, SettingEntity.findById(key));
    }

    /** Changes a setting; the caller's role was checked by the resource. Refuses unacceptable values. */
    @Transactional
    public SettingView change(String key, String newValue, String reason) {
        SettingDefinition definition = definition(key);
        String value = newValue == null ? "" : newValue.trim();
        definition.check().apply(value).ifPresent(why -> {
            throw Problems.invalid("value", key + " " + why);
        });
        SettingEntity current = SettingEntity.findById(key, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        String old = current == null ? definition.defaultValue() : current.value;
        Instant now = Instant.now();
        if (current == null) {
            current = new SettingEntity();
            current.key = key;
        }
        current.value = value;
        current.updatedBy = caller.name();
        current.updatedAt = now;
        current.persist();

        SettingChangeEntity change = new SettingChangeEntity();
        change.key = key;
        change.oldValue = old;
        change.newValue = value;
        change.reason = reason;
        change.changedBy = caller.name();
        change.changedAt = now;
        change.persist();
        return view(definition, current);
    }

    /** Every change of a setting, newest first. */
    @Transactional
    public List<ChangeView> history(String key) {
        definition(key);
        return SettingChangeEntity.<SettingChangeEntity>list("key = ?1 order by id desc", key).stream()
                .map(c -> new ChangeView(c.key, c.oldValue, c.newValue, c.reason, c.changedBy, c.changedAt))
                .toList();
    }

    private SettingDefinition definition(String key) {
        SettingDefinition definition = definitions().get(key);
        if (definition == null) {
            throw Problems.notFound("setting", key);
        }
        return definition;
    }

    private Map<String, SettingDefinition> definitions() {
        return declared.stream().collect(Collectors.toMap(SettingDefinition::key, Function.identity()));
    }

    private static SettingView view(SettingDefinition d, SettingEntity changed) {
        return new SettingView(d.key(), d.rule(), d.description(), changed == null ? d.defaultValue() : changed.value,
                d.defaultValue(), changed == null ? null : changed.updatedBy, changed == null ? null : changed.updatedAt);
    }

    /** A setting as operators read it. */
    public record SettingView(String key, String rule, String description, String value, String defaultValue,
                              String updatedBy, Instant updatedAt) {
    }

    /** One audited change. */
    public record ChangeView(String key, String oldValue, String newValue, String reason, String changedBy,
                             Instant changedAt) {
    }
}
