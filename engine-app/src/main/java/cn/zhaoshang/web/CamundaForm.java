package cn.zhaoshang.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Camunda Form (form-js JSON, schema 16, as Camunda Modeler saves the files in forms/) as the workbench renders it:
 * the components the forms use — text (headings and paragraphs), textfield, textarea, number, select, radio,
 * checkbox, datetime (date), group and dynamiclist — with their label, description, readonly flag, validation
 * (required, min, max, minLength, maxLength) and {@code conditional.hide} expression. Anything else is shown as a
 * note that the field cannot be filled here, so a form a modeler extends never silently loses a field.
 */
record CamundaForm(String id, List<Component> components) {

    static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "select", "radio", "checkbox",
            "datetime");

    record Option(String value, String label) {
    }

    record Component(String id, String type, String key, String label, String description, String text,
            boolean readonly, boolean required, BigDecimal min, BigDecimal max, Integer minLength, Integer maxLength,
            List<Option> options, String hide, String subtype, JsonNode defaultValue, List<Component> components) {

        boolean isInput() {
            return INPUT_TYPES.contains(type) && key != null;
        }

        boolean isList() {
            return "dynamiclist".equals(type) && key != null;
        }

        boolean isGroup() {
            return "group".equals(type);
        }

        String optionLabel(String value) {
            return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
        }
    }

    static CamundaForm parse(ObjectMapper json, String source) {
        try {
            JsonNode root = json.readTree(source);
            return new CamundaForm(root.path("id").asText(null), components(root.path("components")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Camunda Form: " + e.getOriginalMessage(), e);
        }
    }

    /** The input fields at the top level of the data (inside groups too, not inside dynamic lists). */
    List<Component> fields() {
        List<Component> fields = new ArrayList<>();
        walk(components, component -> {
            if (component.isInput() || component.isList()) {
                fields.add(component);
            }
        });
        return fields;
    }

    Component field(String key) {
        return fields().stream().filter(f -> key.equals(f.key())).findFirst().orElse(null);
    }

    private static void walk(List<Component> components, Consumer<Component> visit) {
        for (Component component : components) {
            visit.accept(component);
            if (component.isGroup()) {
                walk(component.components(), visit);
            }
        }
    }

    private static List<Component> components(JsonNode nodes) {
        List<Component> components = new ArrayList<>();
        for (JsonNode node : nodes) {
            List<Option> options = new ArrayList<>();
            for (JsonNode value : node.path("values")) {
                options.add(new Option(value.path("value").asText(), value.path("label").asText(value.path("value").asText())));
            }
            JsonNode validate = node.path("validate");
            String type = node.path("type").asText();
            // a dynamic list binds to "path", every other field to "key"
            String key = "dynamiclist".equals(type) ? text(node, "path") : text(node, "key");
            components.add(new Component(text(node, "id"), type, key, text(node, "label"), text(node, "description"),
                    text(node, "text"), node.path("readonly").asBoolean(false) || node.path("disabled").asBoolean(false),
                    validate.path("required").asBoolean(false), decimal(validate, "min"), decimal(validate, "max"),
                    integer(validate, "minLength"), integer(validate, "maxLength"), List.copyOf(options),
                    text(node.path("conditional"), "hide"), text(node, "subtype"),
                    node.has("defaultValue") ? node.get("defaultValue") : null, components(node.path("components"))));
        }
        return List.copyOf(components);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).decimalValue() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).intValue() : null;
    }
}
