package app.duet.protocol;

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
            Field.MaxLength max = c.getAnnotation(Field.MaxLength.class);
            Field.Format format = c.getAnnotation(Field.Format.class);
            return new Component(c.getName(), c.getGenericType(), c.getAccessor(), c.isAnnotationPresent(Field.Optional.class),
                    c.isAnnotationPresent(Field.MayBeEmpty.class),
                    max == null ? Protocol.MAX_STRING_LENGTH : max.value(), format == null ? null : format.value());
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
