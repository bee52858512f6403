package app.duet.protocol;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Gson by default turns 1.5 into 1, 42 into "42", "yes" into false and "VIDEO" into video; on the wire a
 * whole number must be a whole number, a string a string and an enum its wire name, so a client's mistake
 * is reported rather than silently repaired.
 */
final class StrictAdapters {
    private StrictAdapters() {
    }

    static final TypeAdapter<String> STRING = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, String value) throws IOException {
            out.value(value);
        }

        @Override
        public String read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            if (in.peek() != JsonToken.STRING) {
                throw new JsonSyntaxException("expected a string at " + in.getPath());
            }
            return in.nextString();
        }
    };

    /** Gson would read "yes" as false; a flag must be true or false. */
    static final TypeAdapter<Boolean> BOOLEAN = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Boolean value) throws IOException {
            out.value(value);
        }

        @Override
        public Boolean read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            if (in.peek() != JsonToken.BOOLEAN) {
                throw new JsonSyntaxException("expected true or false at " + in.getPath());
            }
            return in.nextBoolean();
        }
    };

    /**
     * An enum is read only by its wire name, exactly as written ({@code "video"}); gson's own adapter also takes
     * the Java constant's name ({@code "VIDEO"}), which the protocol does not define.
     */
    static final TypeAdapterFactory ENUMS = new TypeAdapterFactory() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            Class<? super T> raw = type.getRawType();
            if (!raw.isEnum() || raw == Enum.class) {
                return null;
            }
            return (TypeAdapter<T>) new WireNameEnumAdapter(raw);
        }
    };

    private static final class WireNameEnumAdapter<E extends Enum<E>> extends TypeAdapter<E> {
        private final Map<String, E> byWireName = new LinkedHashMap<>();
        private final Map<E, String> wireNames = new LinkedHashMap<>();

        WireNameEnumAdapter(Class<E> type) {
            for (E constant : type.getEnumConstants()) {
                String wireName = wireName(type, constant);
                byWireName.put(wireName, constant);
                wireNames.put(constant, wireName);
            }
        }

        private static <E extends Enum<E>> String wireName(Class<E> type, E constant) {
            try {
                SerializedName name = type.getField(constant.name()).getAnnotation(SerializedName.class);
                return name == null ? constant.name() : name.value();
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("enum constant without a field: " + constant, e);
            }
        }

        @Override
        public void write(JsonWriter out, E value) throws IOException {
            out.value(value == null ? null : wireNames.get(value));
        }

        @Override
        public E read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String path = in.getPath();
            // Not a string: not consumed, but the whole read fails here anyway.
            E value = in.peek() == JsonToken.STRING ? byWireName.get(in.nextString()) : null;
            if (value == null) {
                throw new JsonSyntaxException(fieldName(path) + " must be one of " + String.join(", ", byWireName.keySet()));
            }
            return value;
        }

        private static String fieldName(String jsonPath) {
            return "field '" + (jsonPath.startsWith("$.") ? jsonPath.substring(2) : jsonPath) + "'";
        }
    }

    static final TypeAdapter<Integer> INTEGER = wholeNumber(Integer::valueOf);
    static final TypeAdapter<Long> LONG = wholeNumber(Long::valueOf);

    private static <N extends Number> TypeAdapter<N> wholeNumber(Function<String, N> parse) {
        return new TypeAdapter<>() {
            @Override
            public void write(JsonWriter out, N value) throws IOException {
                out.value(value);
            }

            @Override
            public N read(JsonReader in) throws IOException {
                if (in.peek() == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                if (in.peek() != JsonToken.NUMBER) {
                    throw new JsonSyntaxException("expected a whole number at " + in.getPath());
                }
                String text = in.nextString();
                try {
                    return parse.apply(text);
                } catch (NumberFormatException e) {
                    throw new JsonSyntaxException("expected a whole number at " + in.getPath(), e);
                }
            }
        };
    }
}
