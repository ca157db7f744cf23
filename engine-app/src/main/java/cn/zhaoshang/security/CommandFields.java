package cn.zhaoshang.security;

import java.lang.reflect.Field;

/**
 * Reads what a Camunda command was asked to do (its user id, group id, filter…). The commands keep these in
 * non-public fields; the names are checked for this Camunda version by {@code CommandFieldsTest}, so an upgrade that
 * renames one fails the build instead of silently skipping a guard.
 */
final class CommandFields {

    private CommandFields() {
    }

    static <T> T read(Object command, String name, Class<T> type) {
        Field field = find(command.getClass(), name);
        try {
            field.setAccessible(true);
            return type.cast(field.get(command));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + command.getClass().getName() + "." + name, e);
        }
    }

    static Field find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // a superclass may declare it (AbstractExecuteFilterCmd)
            }
        }
        throw new IllegalStateException(type.getName() + " has no field " + name + " (Camunda upgraded?)");
    }
}
