package io.schedsim.cli.args;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One {@code --set KEY=VALUE}; the value is parsed later, by the scenario's knob. */
public record Setting(String key, String value) {
    /** The settings in command-line order; a key given twice keeps its last value. */
    public static Map<String, String> toMap(List<Setting> settings) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Setting setting : settings) {
            map.remove(setting.key());
            map.put(setting.key(), setting.value());
        }
        return map;
    }

    /** The picocli converter for {@code --set}. */
    public static final class Converter implements ITypeConverter<Setting> {
        @Override
        public Setting convert(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0 || text.substring(0, equals).isBlank()) {
                throw new TypeConversionException("expected KEY=VALUE, got '" + text + "'");
            }
            return new Setting(text.substring(0, equals).strip(), text.substring(equals + 1));
        }
    }
}
