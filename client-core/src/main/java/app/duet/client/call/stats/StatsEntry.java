package app.duet.client.call.stats;

import java.util.HashMap;
import java.util.Map;

/** One libwebrtc stats object ("inbound-rtp", "candidate-pair", ...) copied into plain Java values. */
public record StatsEntry(String type, String id, Map<String, Object> values) {

    public StatsEntry {
        Map<String, Object> present = new HashMap<>();
        values.forEach((key, value) -> {
            if (value != null) { // libwebrtc reports members it has no value for as null
                present.put(key, value);
            }
        });
        values = Map.copyOf(present);
    }

    String string(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    double number(String key) {
        Object value = values.get(key);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    boolean flag(String key) {
        Object value = values.get(key);
        return value instanceof Boolean b ? b : "true".equals(value);
    }
}
