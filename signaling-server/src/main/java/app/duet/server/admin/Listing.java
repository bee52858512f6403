package app.duet.server.admin;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A list command's outcome: a table with a count for people, {@code {"<things>": [...]}} for --json.
 * {@code things} is the plural for the JSON key, e.g. "users".
 */
record Listing<T>(String things, String rowFormat, Object[] header, Function<T, Object[]> row,
        Function<T, Map<String, Object>> json) {

    /** @param countNoun what one item is called in the count line, e.g. "account" */
    AdminOptions.Outcome of(List<T> items, String countNoun) {
        StringBuilder text = new StringBuilder(String.format(rowFormat, header));
        items.forEach(item -> text.append(String.format(rowFormat, row.apply(item))));
        text.append(items.size()).append(' ').append(countNoun).append(items.size() == 1 ? "" : "s");
        return new AdminOptions.Outcome(text.toString(), AdminOptions.object(things, items.stream().map(json).toList()),
                " count=" + items.size());
    }
}
