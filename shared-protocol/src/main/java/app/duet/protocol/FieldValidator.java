package app.duet.protocol;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Checks a decoded record against its {@link Field} rules, recursing into nested records and lists. */
final class FieldValidator {
    private FieldValidator() {
    }

    static void validate(Object record, String path) throws ProtocolException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            String name = path + component.getName();
            Object value = valueOf(component, record);
            if (value == null) {
                if (component.isAnnotationPresent(Field.Optional.class)) {
                    continue;
                }
                throw invalid("missing or invalid field '" + name + "'");
            }
            checkValue(component, value, name);
        }
    }

    private static void checkValue(RecordComponent component, Object value, String name) throws ProtocolException {
        if (value instanceof String s) {
            checkString(component, s, name);
        } else if (value instanceof Number n) {
            if (n.longValue() < 0) {
                throw invalid("field '" + name + "' must not be negative");
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object element = list.get(i);
                String elementName = name + "[" + i + "]";
                if (element == null) {
                    throw invalid("field '" + elementName + "' must not be null");
                }
                if (element instanceof String s) {
                    checkString(null, s, elementName);
                } else if (element.getClass().isRecord()) {
                    validate(element, elementName + ".");
                }
            }
        } else if (value.getClass().isRecord()) {
            validate(value, name + ".");
        }
    }

    private static void checkString(RecordComponent component, String value, String name) throws ProtocolException {
        Field.MaxLength maxLength = component == null ? null : component.getAnnotation(Field.MaxLength.class);
        int max = maxLength == null ? Protocol.MAX_STRING_LENGTH : maxLength.value();
        if (value.length() > max) {
            throw invalid("field '" + name + "' is longer than " + max + " characters");
        }
        boolean mayBeEmpty = component != null && component.isAnnotationPresent(Field.MayBeEmpty.class);
        if (value.isEmpty() && !mayBeEmpty) {
            throw invalid("field '" + name + "' must not be empty");
        }
        Field.Format format = component == null ? null : component.getAnnotation(Field.Format.class);
        if (format != null && !format.value().matches(value)) {
            throw invalid("field '" + name + "' must be " + format.value().description());
        }
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ErrorCode.INVALID_FIELD, message);
    }
}
