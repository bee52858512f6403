package app.duet.protocol;

import com.google.gson.annotations.SerializedName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;

/**
 * A wire record's components with their {@link Field} rules, read once per class: {@code getRecordComponents()}
 * builds new component objects, and so parses their annotations again, on every call.
 */
record RecordShape(List<Component> components) {
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            return new RecordShape(Arrays.stream(type.getRecordComponents()).map(Component::of).toList());
        }
    };

    static RecordShape of(Class<?> recordClass) {
        return SHAPES.get(recordClass);
    }

    /**
     * One component: its name, declared type, accessor and rules ({@code maxLength} is the default unless
     * annotated).
     */
    record Component(String name, Type type, Method accessor, boolean optional, boolean mayBeEmpty, int maxLength,
                     FieldFormat format) {
        static Component of(RecordComponent c) {
            // The encoder writes component names; gson's decoder would honour another name: they must agree.
            if (backingField(c).isAnnotationPresent(SerializedName.class)) {
                throw new IllegalStateException(c.getDeclaringRecord().getSimpleName() + "." + c.getName()
                        + ": a wire record's field name is its component name (no @SerializedName)");
            }
            Field.MaxLength max = c.getAnnotation(Field.MaxLength.class);
            Field.Format format = c.getAnnotation(Field.Format.class);
            return new Component(c.getName(), c.getGenericType(), c.getAccessor(), c.isAnnotationPresent(Field.Optional.class),
                    c.isAnnotationPresent(Field.MayBeEmpty.class),
                    max == null ? Protocol.MAX_STRING_LENGTH : max.value(), format == null ? null : format.value());
        }

        /** gson reads a component's name from its private field, where @SerializedName on a component lands. */
        private static java.lang.reflect.Field backingField(RecordComponent c) {
            try {
                return c.getDeclaringRecord().getDeclaredField(c.getName());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("a record always has a field per component", e);
            }
        }

        Object valueIn(Object record) {
            try {
                return accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass(), e);
            }
        }
    }
}
