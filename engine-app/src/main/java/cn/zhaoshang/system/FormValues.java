package cn.zhaoshang.system;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import cn.zhaoshang.system.ApiError.FieldError;

/**
 * Reading and checking what a person entered, the same way for REST bodies and Camunda Form variables (numbers
 * arrive as Long or Double, booleans may be missing when a checkbox was never touched, dates as ISO strings).
 */
public final class FormValues {

    private FormValues() {
    }

    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return text.isBlank() ? null : text.strip();
    }

    public static Boolean flag(Object value, Boolean whenMissing) {
        if (value == null) {
            return whenMissing;
        }
        return value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
    }

    public static BigDecimal decimal(Map<String, Object> variables, String name, List<FieldError> errors) {
        Object value = variables.get(name);
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        try {
            if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new NumberFormatException();
            }
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, "必须是数字 / must be a number"));
            return null;
        }
    }

    /** A date from a form: "2026-11-23", or the date part of a date-time the datetime component may send. */
    public static LocalDate date(Object value, String name, List<FieldError> errors) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(EngineClock.BEIJING).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            if (text.length() > 10) {
                // the whole date-time must be one (2026-10-01T25:00 is not), though only its date is kept
                java.time.format.DateTimeFormatter.ISO_DATE_TIME.parse(text);
                return LocalDate.parse(text.substring(0, 10));
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "日期格式应为 yyyy-MM-dd / must be a date like 2026-11-23"));
            return null;
        }
    }

    /** A required date that has already happened (a meeting held, a milestone reached, a contract signed). */
    public static LocalDate pastDate(Object value, String name, String label, List<FieldError> errors) {
        int before = errors.size();
        LocalDate day = date(value, name, errors);
        if (day == null && errors.size() == before) {
            errors.add(new FieldError(name, label + "不能为空 / " + name + " is required"));
        } else if (day != null && day.isAfter(EngineClock.today())) {
            errors.add(new FieldError(name, label + "不能晚于今天 / " + name + " cannot be in the future"));
        }
        return day;
    }

    public static void requireText(List<FieldError> errors, String field, String value, int maxLength, String label) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, label + "不能为空 / " + field + " is required"));
        } else {
            limitText(errors, field, value, maxLength, label);
        }
    }

    public static void limitText(List<FieldError> errors, String field, String value, int maxLength, String label) {
        if (value != null && value.strip().codePointCount(0, value.strip().length()) > maxLength) {
            errors.add(new FieldError(field, label + "不能超过 " + maxLength + " 个字 / " + field + " is longer than "
                    + maxLength + " characters"));
        }
    }

    /**
     * An amount with no more decimals than its column keeps ({@code DECIMAL(18,2)} for 万元): more would be rounded
     * away silently when stored, e.g. {@code 0.000000000001} becoming 0.
     */
    public static void limitScale(List<FieldError> errors, String field, java.math.BigDecimal value, int maxScale,
            String label) {
        if (value != null && value.stripTrailingZeros().scale() > maxScale) {
            errors.add(new FieldError(field, label + "最多保留 " + maxScale + " 位小数 / " + field + " has at most "
                    + maxScale + " decimals"));
        }
    }

    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return null;
    }
}
