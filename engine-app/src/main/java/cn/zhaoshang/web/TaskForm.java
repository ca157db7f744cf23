package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.zhaoshang.system.ApiError.FieldError;
import cn.zhaoshang.system.EngineClock;
import cn.zhaoshang.web.CamundaForm.Component;

/**
 * One task's Camunda Form on the server: filled from the task's variables for display, or read back from a submitted
 * HTML form. Reading follows form-js: readonly fields keep the task's values (whatever the request says), fields whose
 * {@code conditional.hide} holds are left out, the form's own rules (required, min/max, length, a date, one of the
 * options) are checked in Chinese next to the field; what remains becomes the JSON body of the step
 * ({@link FormBodies}). Refusals of the domain service come back onto their fields the same way.
 */
final class TaskForm {

    private static final Logger log = LoggerFactory.getLogger(TaskForm.class);

    private final CamundaForm form;
    private final ObjectMapper json;
    /** typed values of the top-level fields: String, BigDecimal, Boolean or null — the FEEL context */
    private final Map<String, Object> values = new LinkedHashMap<>();
    /** typed rows of each dynamic list */
    private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
    /** what each input shows, by its HTML name (as typed, when a refused form is shown again) */
    private final Map<String, String> shown = new LinkedHashMap<>();
    /** the messages of each field (HTML name), and of the form as a whole under "" */
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final Set<String> hidden = new HashSet<>();
    /** what could not be read (not a number, not a date …), kept until it is known whether the field is visible */
    private final Map<String, String> unreadable = new LinkedHashMap<>();

    private TaskForm(ObjectMapper json, CamundaForm form) {
        this.json = json;
        this.form = form;
    }

    CamundaForm definition() {
        return form;
    }

    /** The form as the task shows it first: the task's variables, the form's defaults where a variable is missing. */
    static TaskForm initial(ObjectMapper json, CamundaForm form, Map<String, Object> variables) {
        TaskForm state = new TaskForm(json, form);
        for (Component field : form.fields()) {
            if (field.isList()) {
                state.rows.put(field.key(), state.listRows(variables.get(field.key())));
                List<Map<String, Object>> rows = state.rows.get(field.key());
                for (int i = 0; i < rows.size(); i++) {
                    for (Component cell : field.components()) {
                        if (cell.isInput()) {
                            Object value = typed(cell, rows.get(i).get(cell.key()));
                            rows.get(i).put(cell.key(), value);
                            state.shown.put(name(field, i, cell), text(value));
                        }
                    }
                }
                continue;
            }
            Object value = variables.containsKey(field.key()) ? typed(field, variables.get(field.key()))
                    : defaultOf(field);
            state.values.put(field.key(), value);
            state.shown.put(field.key(), text(value));
        }
        state.evaluateHidden();
        return state;
    }

    /** The form as submitted: typed, hidden fields dropped, checked against the form's rules. */
    static TaskForm submitted(ObjectMapper json, CamundaForm form, Map<String, Object> variables,
            Map<String, String[]> params) {
        TaskForm state = new TaskForm(json, form);
        for (Component field : form.fields()) {
            if (field.isList()) {
                List<Map<String, Object>> rows = state.listRows(variables.get(field.key()));
                state.rows.put(field.key(), rows);
                for (int i = 0; i < rows.size(); i++) {
                    for (Component cell : field.components()) {
                        if (cell.isInput()) {
                            String name = name(field, i, cell);
                            Object value = cell.readonly() ? state.keep(cell, name, rows.get(i).get(cell.key()))
                                    : state.read(cell, name, param(params, name));
                            rows.get(i).put(cell.key(), value);
                        }
                    }
                }
                continue;
            }
            Object value = field.readonly() ? state.keep(field, field.key(), variables.get(field.key()))
                    : state.read(field, field.key(), param(params, field.key()));
            state.values.put(field.key(), value);
        }
        state.evaluateHidden();
        state.validate();
        return state;
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    Map<String, List<String>> errors() {
        return errors;
    }

    /** Is the field (HTML name) hidden by its condition with the current values? */
    boolean isHidden(String name) {
        return hidden.contains(name);
    }

    Object value(String key) {
        return values.get(key);
    }

    /** The body for TaskActionService.complete: the fields a person could see, placed as the step expects them. */
    ObjectNode body() {
        FormBodies.Shape shape = FormBodies.of(form);
        ObjectNode body = json.createObjectNode();
        shape.top().forEach(key -> putVisible(body, key));
        if (shape.nestedName() != null && shape.whenValue().equals(values.get(shape.whenKey()))) {
            ObjectNode nested = body.putObject(shape.nestedName());
            shape.nested().forEach(key -> putVisible(nested, key));
        }
        if (shape.listKey() != null && form.field(shape.listKey()) != null) {
            Component list = form.field(shape.listKey());
            ArrayNode items = body.putArray(shape.listKey());
            List<Map<String, Object>> listRows = rows.getOrDefault(shape.listKey(), List.of());
            for (int i = 0; i < listRows.size(); i++) {
                ObjectNode item = items.addObject();
                for (String key : shape.listFields()) {
                    Component cell = list.components().stream().filter(c -> key.equals(c.key())).findFirst().orElse(null);
                    if (cell != null && !hidden.contains(name(list, i, cell))) {
                        put(item, key, listRows.get(i).get(key));
                    }
                }
            }
        }
        return body;
    }

    /** The service's 400: each message onto the field it names, or onto the form when no field shows it. */
    void refuse(List<FieldError> fieldErrors) {
        FormBodies.Shape shape = FormBodies.of(form);
        for (FieldError error : fieldErrors) {
            String key = shape.formKeyOf(error.field());
            String listKey = shape.listKey();
            String target = form.field(key) != null ? key
                    : listKey != null && (key.equals(listKey) || key.startsWith(listKey + "[")) ? listKey : "";
            errors.computeIfAbsent(target, k -> new ArrayList<>()).add(Chinese.of(error.message()));
        }
        if (errors.isEmpty()) {
            errors.put("", new ArrayList<>(List.of("请求内容有误，请检查后再提交。")));
        }
    }

    // ---- reading

    /** A readonly field keeps the task's value, whatever the request carries. */
    private Object keep(Component field, String name, Object variable) {
        Object value = typed(field, variable);
        shown.put(name, text(value));
        return value;
    }

    private Object read(Component field, String name, String raw) {
        if ("checkbox".equals(field.type())) {
            boolean checked = raw != null && (raw.equals("true") || raw.equals("on"));
            shown.put(name, String.valueOf(checked));
            return checked;
        }
        shown.put(name, raw == null ? "" : raw);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        switch (field.type()) {
            case "number" -> {
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    unreadable.put(name, "请输入数字");
                    return null;
                }
            }
            case "datetime" -> {
                try {
                    return LocalDate.parse(text).toString();
                } catch (DateTimeParseException e) {
                    unreadable.put(name, "日期格式应为 年-月-日，如 " + EngineClock.today());
                    return null;
                }
            }
            case "select", "radio" -> {
                if (field.options().stream().noneMatch(o -> o.value().equals(text))) {
                    unreadable.put(name, "请从列出的选项中选择");
                    return null;
                }
                return text;
            }
            default -> {
                return raw; // text as typed (the domain services strip it); blank was null above
            }
        }
    }

    /** The form's own rules, for what a person could see and change. */
    private void validate() {
        for (Component field : form.fields()) {
            if (field.isList()) {
                List<Map<String, Object>> listRows = rows.get(field.key());
                for (int i = 0; i < listRows.size(); i++) {
                    for (Component cell : field.components()) {
                        if (cell.isInput()) {
                            check(cell, name(field, i, cell), listRows.get(i).get(cell.key()));
                        }
                    }
                }
            } else {
                check(field, field.key(), values.get(field.key()));
            }
        }
    }

    private void check(Component field, String name, Object value) {
        if (field.readonly() || hidden.contains(name)) {
            return;
        }
        if (unreadable.containsKey(name)) {
            error(name, unreadable.get(name));
            return;
        }
        String label = field.label() == null ? "此项" : field.label();
        boolean choice = List.of("select", "radio", "checkbox").contains(field.type());
        if (field.required() && (value == null || (value instanceof String s && s.isBlank()))) {
            error(name, (choice ? "请选择" : "请填写") + label);
            return;
        }
        if (value instanceof BigDecimal number) {
            if (field.min() != null && number.compareTo(field.min()) < 0) {
                error(name, label + "不能小于 " + field.min().toPlainString());
            } else if (field.max() != null && number.compareTo(field.max()) > 0) {
                error(name, label + "不能大于 " + field.max().toPlainString());
            }
        }
        if (value instanceof String text && !choice && !"datetime".equals(field.type())) {
            int length = text.strip().codePointCount(0, text.strip().length());
            if (field.maxLength() != null && length > field.maxLength()) {
                error(name, label + "不能超过 " + field.maxLength() + " 个字（现 " + length + " 字）");
            } else if (field.minLength() != null && length < field.minLength()) {
                error(name, label + "至少 " + field.minLength() + " 个字");
            }
        }
    }

    private void evaluateHidden() {
        hidden.clear();
        for (Component field : form.fields()) {
            if (field.isList()) {
                List<Map<String, Object>> listRows = rows.get(field.key());
                for (int i = 0; i < listRows.size(); i++) {
                    Map<String, Object> context = new LinkedHashMap<>(values);
                    context.put("this", listRows.get(i));
                    for (Component cell : field.components()) {
                        if (cell.isInput() && hides(cell, context)) {
                            hidden.add(name(field, i, cell));
                        }
                    }
                }
            } else if (hides(field, values)) {
                hidden.add(field.key());
            }
        }
    }

    private static boolean hides(Component field, Map<String, Object> context) {
        if (field.hide() == null) {
            return false;
        }
        try {
            return FeelSubset.isTrue(field.hide(), context);
        } catch (IllegalArgumentException e) {
            // shown rather than lost: FeelSubsetTest keeps the forms in forms/ inside the subset
            log.warn("Hide condition of field {} not understood, field shown: {}", field.key(), e.getMessage());
            return false;
        }
    }

    private void error(String name, String message) {
        errors.computeIfAbsent(name, k -> new ArrayList<>()).add(message);
    }

    private void putVisible(ObjectNode body, String key) {
        if (form.field(key) != null && !hidden.contains(key)) {
            put(body, key, values.get(key));
        }
    }

    private static void put(ObjectNode node, String key, Object value) {
        if (value instanceof BigDecimal number) {
            // whole numbers as integers: ids (leadId) are Long, and the API accepts no float for an int
            if (number.signum() == 0 || number.stripTrailingZeros().scale() <= 0) {
                node.put(key, number.toBigIntegerExact());
            } else {
                node.put(key, number);
            }
        } else if (value instanceof Boolean flag) {
            node.put(key, flag);
        } else if (value instanceof String text && !text.isBlank()) {
            node.put(key, text);
        } else if (value instanceof Number number) {
            node.put(key, new BigDecimal(number.toString()));
        }
    }

    /** The rows of a dynamic list, from its variable: a Json (Spin) value, a JSON string or a list of maps. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listRows(Object variable) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (variable == null) {
            return result;
        }
        try {
            JsonNode node = variable instanceof Collection<?> ? json.valueToTree(variable) : json.readTree(variable.toString());
            for (JsonNode row : node) {
                result.add(new LinkedHashMap<>(json.convertValue(row, Map.class)));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.warn("List variable is not a JSON list: {}", e.getMessage());
        }
        return result;
    }

    private static String param(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        return values == null || values.length == 0 ? null : values[values.length - 1];
    }

    static String name(Component list, int row, Component cell) {
        return list.key() + "[" + row + "]." + cell.key();
    }

    /** A variable's value as the field holds it: BigDecimal for numbers, Boolean, "yyyy-MM-dd" for dates, else text. */
    static Object typed(Component field, Object value) {
        if (value == null) {
            return null;
        }
        switch (field.type()) {
            case "number" -> {
                if (value instanceof Number) {
                    return FeelSubset.normalise(value);
                }
                try {
                    return new BigDecimal(value.toString().strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            case "checkbox" -> {
                return value instanceof Boolean b ? b : Boolean.valueOf(value.toString());
            }
            case "datetime" -> {
                if (value instanceof Date date) {
                    return date.toInstant().atZone(EngineClock.BEIJING).toLocalDate().toString();
                }
                String text = value.toString();
                return text.length() >= 10 ? text.substring(0, 10) : text;
            }
            default -> {
                return value instanceof String ? value : value.toString();
            }
        }
    }

    private static Object defaultOf(Component field) {
        JsonNode value = field.defaultValue();
        if (value == null || value.isNull()) {
            return "checkbox".equals(field.type()) ? Boolean.FALSE : null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.isNumber() ? value.decimalValue() : value.asText();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    // ---- the view for templates/tasks/task.html

    /** One thing the page shows, in the form's order. {@code kind}: heading, paragraph, the input kinds, list, unsupported. */
    record FieldView(String kind, String key, String name, String id, String label, String description,
            boolean required, boolean readonly, String value, String valueLabel, List<OptionView> options, String hide,
            List<String> errors, int level, List<RowView> rows, Integer maxLength, String min, String max) {

        public String errorId() {
            return errors.isEmpty() ? null : id + "-error";
        }

        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (description != null) {
                ids.add(id + "-hint");
            }
            if (!errors.isEmpty()) {
                ids.add(id + "-error");
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }

        public boolean checked() {
            return "true".equals(value);
        }
    }

    record OptionView(String value, String label, boolean selected, String id) {
    }

    record RowView(String title, List<FieldView> fields) {
    }

    /** The decision of an approval step (同意 / 驳回 / 退回), shown as the form's buttons. */
    record Actions(String label, String name, List<OptionView> options, List<String> errors) {
    }

    /** Is this the approval decision that the page offers as buttons? */
    static boolean isApprovalDecision(Component field) {
        return "radio".equals(field.type()) && "decision".equals(field.key()) && !field.readonly()
                && field.options().stream().map(CamundaForm.Option::value).toList()
                .containsAll(List.of("APPROVE", "REJECT", "RETURN"));
    }

    Actions actions(boolean readOnly) {
        if (readOnly) {
            return null;
        }
        for (Component field : form.fields()) {
            if (isApprovalDecision(field)) {
                return new Actions(field.label(), field.key(), options(field, field.key()),
                        errors.getOrDefault(field.key(), List.of()));
            }
        }
        return null;
    }

    /** Messages that belong to no field of the form. */
    List<String> formErrors() {
        return errors.getOrDefault("", List.of());
    }

    /** Where a refused form puts the cursor: its first field in error. */
    String firstErrorId() {
        for (String name : errors.keySet()) {
            if (!name.isEmpty()) {
                return id(name);
            }
        }
        return null;
    }

    List<FieldView> view(boolean readOnly) {
        List<FieldView> views = new ArrayList<>();
        Actions actions = actions(readOnly);
        addViews(form.components(), views, readOnly, actions != null);
        return views;
    }

    private void addViews(List<Component> components, List<FieldView> views, boolean readOnly, boolean decisionAsButtons) {
        for (Component component : components) {
            if ("text".equals(component.type())) {
                textViews(component.text(), views);
            } else if (component.isGroup()) {
                if (component.label() != null) {
                    views.add(block("heading", component.label(), 3));
                }
                addViews(component.components(), views, readOnly, decisionAsButtons);
            } else if (component.isList()) {
                List<RowView> rowViews = new ArrayList<>();
                List<Map<String, Object>> listRows = rows.getOrDefault(component.key(), List.of());
                for (int i = 0; i < listRows.size(); i++) {
                    List<FieldView> cells = new ArrayList<>();
                    for (Component cell : component.components()) {
                        if ("text".equals(cell.type())) {
                            textViews(cell.text(), cells);
                        } else if (cell.isInput()) {
                            cells.add(input(cell, name(component, i, cell), readOnly));
                        }
                    }
                    rowViews.add(new RowView((component.label() == null ? "第" : component.label() + " ") + (i + 1),
                            cells));
                }
                views.add(new FieldView("list", component.key(), component.key(), id(component.key()),
                        component.label(), component.description(), false, readOnly, null, null, List.of(), null,
                        errors.getOrDefault(component.key(), List.of()), 0, rowViews, null, null, null));
            } else if (component.isInput()) {
                if (decisionAsButtons && isApprovalDecision(component)) {
                    continue; // rendered as the form's buttons
                }
                views.add(input(component, component.key(), readOnly));
            } else if (component.key() != null) {
                views.add(new FieldView("unsupported", component.key(), component.key(), id(component.key()),
                        component.label(), null, false, true, null, null, List.of(), component.hide(), List.of(), 0,
                        List.of(), null, null, null));
            }
        }
    }

    private FieldView input(Component field, String name, boolean formReadOnly) {
        boolean readonly = formReadOnly || field.readonly();
        String kind = switch (field.type()) {
            case "textfield" -> "text";
            case "datetime" -> "date";
            default -> field.type();
        };
        String value = shown.getOrDefault(name, "");
        String valueLabel = List.of("select", "radio").contains(field.type()) ? field.optionLabel(value) : value;
        return new FieldView(kind, field.key(), name, id(name), field.label() == null ? field.key() : field.label(),
                field.description(), field.required() && !readonly, readonly, value, valueLabel, options(field, name),
                field.hide(), errors.getOrDefault(name, List.of()), 0, List.of(), field.maxLength(),
                field.min() == null ? null : field.min().toPlainString(),
                field.max() == null ? null : field.max().toPlainString());
    }

    private List<OptionView> options(Component field, String name) {
        String value = shown.getOrDefault(name, "");
        List<OptionView> options = new ArrayList<>();
        for (int i = 0; i < field.options().size(); i++) {
            CamundaForm.Option option = field.options().get(i);
            options.add(new OptionView(option.value(), option.label(), option.value().equals(value), id(name) + "-" + i));
        }
        return options;
    }

    /** The text component's markdown as headings ("#" → level 2 under the page's h1, "##" → 3) and paragraphs. */
    private static void textViews(String text, List<FieldView> views) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            int hashes = 0;
            while (hashes < stripped.length() && stripped.charAt(hashes) == '#') {
                hashes++;
            }
            if (hashes > 0 && hashes < stripped.length() && stripped.charAt(hashes) == ' ') {
                views.add(block("heading", stripped.substring(hashes + 1).strip(), Math.min(hashes + 1, 4)));
            } else {
                views.add(block("paragraph", stripped, 0));
            }
        }
    }

    private static FieldView block(String kind, String text, int level) {
        return new FieldView(kind, null, null, null, text, null, false, true, null, null, List.of(), null, List.of(),
                level, List.of(), null, null, null);
    }

    static String id(String name) {
        return "f-" + name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("-+$", "");
    }
}
