package dev.ticket.client;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** The JSON names of the model's records, as the service's mapper writes them (and {@link ClientJson} reads them). */
public final class JsonNames {
    private JsonNames() {
    }

    /** The JSON names of a record's fields, in order (what {@code --json FIELDS} chooses from). */
    public static List<String> of(Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(snakeCase(component.getName()));
        }
        return names;
    }

    /** Jackson's SNAKE_CASE for the model's names: {@code dialogUrl} is {@code dialog_url}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
