package app.duet.protocol;

import java.util.List;

/** Checks a decoded record against its {@link Field} rules, recursing into nested records and lists. */
final class FieldValidator {
    private FieldValidator() {
    }

    static void validate(Object record, String path) throws ProtocolException {
        for (RecordShape.Component component : RecordShape.of(record.getClass()).components()) {
            String name = path + component.name();
            Object value = component.valueIn(record);
            if (value == null) {
                if (component.optional()) {
                    continue;
                }
                throw invalid("missing or invalid field '" + name + "'");
            }
            checkValue(component, value, name);
        }
    }

    private static void checkValue(RecordShape.Component component, Object value, String name)
            throws ProtocolException {
        if (value instanceof String s) {
            checkString(s, component.maxLength(), component.mayBeEmpty(), component.format(), name);
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
                // A list's strings follow the default rules: the component's annotations are about the list.
                if (element instanceof String s) {
                    checkString(s, Protocol.MAX_STRING_LENGTH, false, null, elementName);
                } else if (element.getClass().isRecord()) {
                    validate(element, elementName + ".");
                }
            }
        } else if (value.getClass().isRecord()) {
            validate(value, name + ".");
        }
    }

    private static void checkString(String value, int max, boolean mayBeEmpty, FieldFormat format, String name)
            throws ProtocolException {
        if (length(value) > max) {
            throw invalid("field '" + name + "' is longer than " + max + " characters");
        }
        if (hasUnpairedSurrogate(value)) {
            throw invalid("field '" + name + "' is not valid Unicode text (an unpaired surrogate)");
        }
        if (value.isEmpty() && !mayBeEmpty) {
            throw invalid("field '" + name + "' must not be empty");
        }
        if (format != null && !format.matches(value)) {
            throw invalid("field '" + name + "' must be " + format.description());
        }
    }

    /**
     * Length in characters as a user counts them: Unicode code points, so an emoji is one, not two UTF-16
     * units. (Grapheme clusters would count a flag as one; code points are what every language can count.)
     */
    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Such a string has no UTF-8 form: written to the database or hashed, it would become '?'. */
    private static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ErrorCode.INVALID_FIELD, message);
    }
}
