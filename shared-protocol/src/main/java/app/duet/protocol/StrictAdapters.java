package app.duet.protocol;

import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.function.Function;

/**
 * Gson by default turns 1.5 into 1, 42 into "42" and "yes" into false; on the wire a whole number must be a whole
 * number and a string a string, so a client's mistake is reported rather than silently repaired.
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
